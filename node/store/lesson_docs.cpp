#include "node/store/lesson_docs.h"

#include "node/store/bytes.h"

#include <QCoreApplication>

namespace tabel::node::docs {

using bytes::getVarint;
using bytes::putVarint;
using bytes::upperBound;

namespace {

// Segments after the kind: the lesson key (class, subject, group, date, slot), then the pupil, then the column.
int segmentsOf(QStringView kind) {
    if (kind == QLatin1String("lesson"))
        return 5;
    if (kind == QLatin1String("att"))
        return 6;
    if (kind == QLatin1String("mark"))
        return 7;
    return -1;
}

Error damaged() {
    return makeError(ErrorCode::Corrupt,
                     QCoreApplication::translate("tabel::node::schema", "a stored lesson is damaged; restore the store "
                                                                        "from a backup"));
}

} // namespace

std::optional<Address> addressOf(const QString& entityKey, const QString* recentDoc) {
    const qsizetype kindEnd = entityKey.indexOf(u'/');
    if (kindEnd <= 0)
        return std::nullopt;
    const QStringView kind = QStringView(entityKey).left(kindEnd);
    const int segments = segmentsOf(kind);
    if (segments < 0)
        return std::nullopt;
    // The positions of the slashes after the kind; every segment must be non-empty.
    qsizetype lessonEnd = -1, previous = kindEnd;
    int seen = 0;
    for (qsizetype i = kindEnd + 1; i <= entityKey.size(); ++i) {
        if (i < entityKey.size() && entityKey.at(i) != u'/')
            continue;
        if (i == previous + 1)
            return std::nullopt; // an empty segment
        ++seen;
        if (seen == 5)
            lessonEnd = i;
        previous = i;
    }
    if (seen != segments)
        return std::nullopt;
    Address a;
    const QStringView lesson = QStringView(entityKey).mid(kindEnd + 1, lessonEnd - kindEnd - 1);
    if (recentDoc && recentDoc->size() == lesson.size() + 1 && QStringView(*recentDoc).chopped(1) == lesson)
        a.doc = *recentDoc;
    else
        a.doc = lesson.toString() + u'/';
    a.sub = kind.toUtf8();
    if (lessonEnd < entityKey.size())
        a.sub += QStringView(entityKey).mid(lessonEnd).toUtf8();
    return a;
}

QString entityKeyOf(const QString& doc, const QByteArray& sub) {
    const qsizetype kindEnd = sub.indexOf('/');
    const QByteArrayView kind = kindEnd < 0 ? QByteArrayView(sub) : QByteArrayView(sub).first(kindEnd);
    QString key;
    key.reserve(doc.size() + sub.size() + 1);
    key.append(QLatin1String(kind)).append(u'/').append(QStringView(doc).chopped(1));
    if (kindEnd >= 0)
        key.append(QString::fromUtf8(QByteArrayView(sub).sliced(kindEnd)));
    return key;
}

bool mayHoldPrefix(const QString& prefix) {
    if (prefix.isEmpty())
        return true;
    const qsizetype kindEnd = prefix.indexOf(u'/');
    return kindEnd > 0 && segmentsOf(QStringView(prefix).left(kindEnd)) > 0;
}

QByteArray encodeDoc(const Entries& entries) {
    qsizetype size = 1;
    for (const auto& [sub, state] : entries)
        size += sub.size() + state.size() + 4;
    QByteArray out;
    out.reserve(size);
    out.append(char(1));
    for (const auto& [sub, state] : entries) {
        putVarint(out, std::uint64_t(sub.size()));
        out.append(sub);
        putVarint(out, std::uint64_t(state.size()));
        out.append(state);
    }
    return out;
}

Result<Entries> decodeDoc(const QByteArray& bytes) {
    if (bytes.isEmpty() || bytes.at(0) != 1)
        return damaged();
    Entries out;
    const char* p = bytes.constData() + 1;
    const char* end = bytes.constData() + bytes.size();
    while (p < end) {
        std::uint64_t subLen = 0, stateLen = 0;
        if (!getVarint(p, end, subLen) || subLen == 0 || subLen > std::uint64_t(end - p))
            return damaged();
        QByteArray sub(p, qsizetype(subLen));
        p += subLen;
        if (!getVarint(p, end, stateLen) || stateLen == 0 || stateLen > std::uint64_t(end - p))
            return damaged();
        // Entries are written in sub-key order; anything else was not written by encodeDoc.
        if (!out.empty() && !(out.rbegin()->first < sub))
            return damaged();
        out.emplace_hint(out.end(), std::move(sub), QByteArray(p, qsizetype(stateLen)));
        p += stateLen;
    }
    return out;
}

Result<std::optional<schema::EntityState>> DocCache::entry(const Entries& entries, const QByteArray& sub) {
    const auto it = entries.find(sub);
    if (it == entries.end())
        return std::optional<schema::EntityState>();
    TABEL_ASSIGN_OR_RETURN(schema::EntityState state, schema::decodeState(it->second));
    return std::optional<schema::EntityState>(std::move(state));
}

Result<DocCache::Doc*> DocCache::fetch(const QString& doc) {
    m_recent = doc;
    if (const auto it = m_docs.find(doc); it != m_docs.end())
        return &it->second;
    TABEL_ASSIGN_OR_RETURN(db::Statement * st, m_db.cached("SELECT id, body FROM lesson_docs WHERE doc = ?"));
    st->bind(1, doc);
    TABEL_ASSIGN_OR_RETURN(const bool row, st->step());
    Doc d;
    QByteArray body;
    if (row) {
        d.id = st->columnInt(0);
        body = st->columnBlob(1);
    }
    st->reset();
    if (row) {
        TABEL_ASSIGN_OR_RETURN(d.entries, decodeDoc(body));
    }
    return &m_docs.insert_or_assign(doc, std::move(d)).first->second;
}

Result<std::optional<schema::EntityState>> DocCache::load(const Address& at) {
    if (m_active) {
        TABEL_ASSIGN_OR_RETURN(Doc * d, fetch(at.doc));
        return entry(d->entries, at.sub);
    }
    // Outside a transaction: read the one document, keep nothing.
    TABEL_ASSIGN_OR_RETURN(db::Statement * st, m_db.cached("SELECT body FROM lesson_docs WHERE doc = ?"));
    st->bind(1, at.doc);
    TABEL_ASSIGN_OR_RETURN(const bool row, st->step());
    const QByteArray body = row ? st->columnBlob(0) : QByteArray();
    st->reset();
    if (!row)
        return std::optional<schema::EntityState>();
    TABEL_ASSIGN_OR_RETURN(const Entries entries, decodeDoc(body));
    return entry(entries, at.sub);
}

Status DocCache::store(const Address& at, const schema::EntityState& state) {
    if (!m_active)
        return makeError(ErrorCode::Internal, QStringLiteral("lesson document written outside a transaction"));
    TABEL_ASSIGN_OR_RETURN(Doc * d, fetch(at.doc));
    d->entries.insert_or_assign(at.sub, schema::encodeState(state));
    d->dirty = true;
    return {};
}

Status DocCache::flush() {
    for (auto& [key, d] : m_docs) {
        if (!d.dirty)
            continue;
        const QByteArray body = encodeDoc(d.entries);
        if (d.id == 0) {
            TABEL_ASSIGN_OR_RETURN(db::Statement * ins,
                                   m_db.cached("INSERT OR FAIL INTO lesson_docs(doc, body) VALUES(?, ?)"));
            ins->bind(1, key).bind(2, body);
            TABEL_TRY(ins->run());
            d.id = m_db.lastInsertRowId();
        } else {
            TABEL_ASSIGN_OR_RETURN(db::Statement * upd,
                                   m_db.cached("UPDATE OR FAIL lesson_docs SET body = ? WHERE id = ?"));
            upd->bind(1, body).bind(2, d.id);
            TABEL_TRY(upd->run());
        }
        d.dirty = false;
    }
    return {};
}

Result<QList<DocCache::Found>> DocCache::scan(const QString& prefix) {
    // The lesson part of the prefix: at most the five segments of a lesson key after the kind.
    QString docPrefix;
    QByteArray kind;
    int segments = 0;
    if (!prefix.isEmpty()) {
        const qsizetype kindEnd = prefix.indexOf(u'/');
        kind = prefix.left(kindEnd).toUtf8();
        qsizetype end = kindEnd;
        for (; segments < 5; ++segments) {
            const qsizetype next = prefix.indexOf(u'/', end + 1);
            if (next < 0)
                break;
            end = next;
        }
        docPrefix = prefix.mid(kindEnd + 1, end - kindEnd);
    }
    const auto matching = [&](const QString& doc, const Entries& entries) -> Result<QList<Found>> {
        QList<Found> out;
        for (const auto& [sub, bytes] : entries) {
            if (!kind.isEmpty() && !(sub.startsWith(kind) && (sub.size() == kind.size() || sub.at(kind.size()) == '/')))
                continue;
            QString key = entityKeyOf(doc, sub);
            if (!key.startsWith(prefix))
                continue;
            TABEL_ASSIGN_OR_RETURN(schema::EntityState state, schema::decodeState(bytes));
            out.append(Found{std::move(key), std::move(state)});
        }
        return out;
    };
    if (segments == 5 && m_active) {
        // One lesson's document, as this transaction sees it: no need to write it first.
        TABEL_ASSIGN_OR_RETURN(Doc * d, fetch(docPrefix));
        return matching(docPrefix, d->entries);
    }
    if (m_active)
        TABEL_TRY(flush());
    db::Statement* st = nullptr;
    if (docPrefix.isEmpty()) {
        TABEL_ASSIGN_OR_RETURN(st, m_db.cached("SELECT doc, body FROM lesson_docs ORDER BY doc"));
    } else {
        TABEL_ASSIGN_OR_RETURN(
            st, m_db.cached("SELECT doc, body FROM lesson_docs WHERE doc >= ? AND doc < ? ORDER BY doc"));
        st->bind(1, docPrefix).bind(2, upperBound(docPrefix));
    }
    QList<Found> out;
    Status failed;
    for (;;) {
        Result<bool> row = st->step();
        if (!row) {
            failed = std::move(row).error();
            break;
        }
        if (!*row)
            break;
        const QString doc = st->columnText(0);
        Result<Entries> entries = decodeDoc(st->columnBlob(1));
        Result<QList<Found>> found = entries ? matching(doc, *entries) : Result<QList<Found>>(entries.error());
        if (!found) {
            failed = std::move(found).error();
            break;
        }
        out.append(std::move(found).value());
    }
    st->reset();
    if (!failed)
        return std::move(failed).error();
    return out;
}

} // namespace tabel::node::docs
