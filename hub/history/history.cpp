#include "hub/history/history.h"

#include "hub/store/log_bytes.h"

#include "hub/history/git_store.h"
#include "shared/crypto/signing.h"
#include "shared/domain/entity_key.h"
#include "shared/domain/model.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <tuple>

#include <pwd.h>
#include <unistd.h>

namespace tabel::hub {

namespace {

QString tr(const char* s) {
    return QCoreApplication::translate("tabel::hub::History", s);
}

constexpr const char* kAuditSchema = R"sql(
-- Pushes merged and acknowledged whose commit is not written yet (History::defer): at most one row at a time.
CREATE TABLE IF NOT EXISTS history_queue(
    id           INTEGER PRIMARY KEY,
    batch_id     BLOB NOT NULL,
    node_id      TEXT NOT NULL,
    device       BLOB NOT NULL,
    teacher_id   TEXT NOT NULL,
    teacher_name TEXT NOT NULL,
    received     INTEGER NOT NULL,
    first_seq    INTEGER NOT NULL,
    last_seq     INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS audit(
    id      INTEGER PRIMARY KEY,
    time    INTEGER NOT NULL,
    user    TEXT NOT NULL,
    command TEXT NOT NULL,
    detail  TEXT NOT NULL
);
)sql";

constexpr int kMerged = 0; // the log's state of a merged change set (hub_store.cpp)

// ---- Layout: which file an entity is in --------------------------------------------------------------------

enum class FileKind { Month, Tasks, Periods, Ktp, Groups, Timetable, Assignments, Substitutions, ClassInfo, Roster };

struct FileSpec {
    FileKind kind = FileKind::Month;
    QString classId, year, subject, group, month;
    friend bool operator<(const FileSpec& a, const FileSpec& b) {
        return std::tuple(int(a.kind), a.classId, a.year, a.subject, a.group, a.month) <
               std::tuple(int(b.kind), b.classId, b.year, b.subject, b.group, b.month);
    }
    friend bool operator==(const FileSpec&, const FileSpec&) = default;

    QString repo() const { return classId + u'/' + year; }
    QString path() const;
    QStringList prefixes() const;
    QString label() const; // for the commit message: the subject, or what the file is
};

// Ids may hold anything but '/' and control characters; a path component must not be "." or "..", nor start a
// name git treats specially. A leading '.' and every '%' are escaped, so the mapping stays one-to-one.
QString component(const QString& id) {
    QString s = id;
    s.replace(u'%', QStringLiteral("%25"));
    if (s.startsWith(u'.'))
        s = QStringLiteral("%2E") + s.mid(1);
    return s;
}

QString FileSpec::path() const {
    switch (kind) {
    case FileKind::Month:
        return component(subject) + u'/' + component(group) + u'/' + month + QStringLiteral(".tsv");
    case FileKind::Tasks:
        return component(subject) + u'/' + component(group) + QStringLiteral("/tasks.tsv");
    case FileKind::Periods:
        return component(subject) + QStringLiteral("/periods.tsv");
    case FileKind::Ktp:
        return component(subject) + QStringLiteral("/ktp.tsv");
    case FileKind::Groups:
        return QStringLiteral("groups.tsv");
    case FileKind::Timetable:
        return QStringLiteral("timetable.tsv");
    case FileKind::Assignments:
        return QStringLiteral("assignments.tsv");
    case FileKind::Substitutions:
        return QStringLiteral("substitutions.tsv");
    case FileKind::ClassInfo:
        return QStringLiteral("class.tsv");
    case FileKind::Roster:
        return QStringLiteral("roster.tsv");
    }
    return {};
}

QStringList FileSpec::prefixes() const {
    const QString c = classId + u'/';
    const QString s = c + subject + u'/';
    switch (kind) {
    case FileKind::Month: {
        const QString tail = s + group + u'/' + month + u'-';
        return {QStringLiteral("lesson/") + tail, QStringLiteral("mark/") + tail, QStringLiteral("att/") + tail};
    }
    case FileKind::Tasks:
        return {QStringLiteral("task/") + s + group + u'/', QStringLiteral("sub/") + s + group + u'/'};
    case FileKind::Periods:
        return {QStringLiteral("pmark/") + s, QStringLiteral("corr/") + s};
    case FileKind::Ktp:
        return {QStringLiteral("ktp/") + s, QStringLiteral("ktpfix/") + s};
    case FileKind::Groups:
        return {QStringLiteral("member/") + c};
    case FileKind::Timetable:
        return {QStringLiteral("slot/") + c};
    case FileKind::Assignments:
        return {QStringLiteral("assign/")};
    case FileKind::Substitutions:
        return {QStringLiteral("subst/")};
    case FileKind::ClassInfo:
        return {QStringLiteral("class/") + classId};
    case FileKind::Roster:
        return {QStringLiteral("pupil/")};
    }
    return {};
}

QString FileSpec::label() const {
    switch (kind) {
    case FileKind::Month:
    case FileKind::Tasks:
    case FileKind::Periods:
    case FileKind::Ktp:
        return subject;
    case FileKind::Groups:
        return QStringLiteral("groups");
    case FileKind::Timetable:
        return QStringLiteral("timetable");
    case FileKind::Assignments:
        return QStringLiteral("assignments");
    case FileKind::Substitutions:
        return QStringLiteral("substitutions");
    case FileKind::ClassInfo:
        return QStringLiteral("class");
    case FileKind::Roster:
        return QStringLiteral("roster");
    }
    return {};
}

bool validIds(std::initializer_list<QString> ids) {
    return std::all_of(ids.begin(), ids.end(), [](const QString& id) { return bool(domain::validateId(id, {})); });
}

QString visibleText(const sync::RegisterView& state, const QString& entity, const QString& field) {
    const sync::FieldRegister* reg = state.find({entity, field});
    return reg ? domain::textOf(reg->visibleValue()) : QString();
}

// What LessonKey::parse(k.lessonKeyText()) and its round trip would accept, without building them (every op of
// every push passes here): valid ids, the date written exactly yyyy-MM-dd, the slot a whole number from 1 written
// without sign or leading zeros. Segments 1 to 5 of the key are the lesson's.
bool canonicalLessonPart(const QString& entity, const domain::EntityKey& k) {
    if (!k.date.isValid() || k.slot < 1 || !validIds({k.classId, k.subjectId, k.groupId}))
        return false;
    qsizetype i = 0;
    for (const QStringView segment : QStringView(entity).tokenize(u'/')) {
        if (i == 4 && (segment.size() != 10 || segment[4] != u'-' || segment[7] != u'-'))
            return false; // QDate's ISO parser also takes "2026-09-01T…"-like tails; the key may not
        if (i == 5 && segment != QString::number(k.slot))
            return false;
        if (++i > 5)
            break;
    }
    return i > 5;
}

// The file an entity's fields are listed in, or none (calendar, subjects, teachers, malformed keys). The key is read
// by the one parser of keys (shared/domain/entity_key.h); ids that could not name a file are refused here.
std::optional<FileSpec> placeOf(const QString& entity, const sync::RegisterView& state, const QString& receivedYear) {
    using domain::KeyType;
    const domain::EntityKey k = domain::parseEntityKey(entity);
    const auto file = [&](FileKind kind, const QString& classId, std::initializer_list<QString> ids,
                          const QString& subject = {}, const QString& group = {}) -> std::optional<FileSpec> {
        if (!validIds(ids))
            return std::nullopt;
        return FileSpec{kind, classId, receivedYear, subject, group, {}};
    };
    switch (k.type) {
    case KeyType::Lesson:
    case KeyType::Mark:
    case KeyType::Attendance: {
        if (!canonicalLessonPart(entity, k))
            return std::nullopt;
        FileSpec f{FileKind::Month, k.classId, History::schoolYearOf(k.date), k.subjectId, k.groupId, {}};
        f.month = QStringView(entity).split(u'/').at(4).first(7).toString(); // "yyyy-MM" of the canonical date
        return f;
    }
    case KeyType::Task:
    case KeyType::Submission:
        return file(FileKind::Tasks, k.classId, {k.classId, k.subjectId, k.groupId}, k.subjectId, k.groupId);
    case KeyType::PeriodMark:
    case KeyType::Correction:
        return file(FileKind::Periods, k.classId, {k.classId, k.subjectId}, k.subjectId);
    case KeyType::KtpTopic:
    case KeyType::KtpCorrection:
        return file(FileKind::Ktp, k.classId, {k.classId, k.subjectId}, k.subjectId);
    case KeyType::Member:
        return file(FileKind::Groups, k.classId, {k.classId});
    case KeyType::Slot:
        return file(FileKind::Timetable, k.classId, {k.classId});
    case KeyType::Assignment:
        return file(FileKind::Assignments, k.classId, {k.classId});
    case KeyType::Substitution: {
        if (!k.date.isValid() || !validIds({k.classId}))
            return std::nullopt;
        return FileSpec{FileKind::Substitutions, k.classId, History::schoolYearOf(k.date), {}, {}, {}};
    }
    case KeyType::Class:
        return file(FileKind::ClassInfo, k.classId, {k.classId});
    case KeyType::Pupil: {
        const QString classId = visibleText(state, entity, QStringLiteral("class"));
        return file(FileKind::Roster, classId, {classId});
    }
    default:
        return std::nullopt;
    }
}

// ---- Rendering -----------------------------------------------------------------------------------------------

QString escaped(const QString& s) {
    QString out;
    out.reserve(s.size());
    for (const QChar c : s) {
        if (c == u'\\')
            out += QStringLiteral("\\\\");
        else if (c == u'\t')
            out += QStringLiteral("\\t");
        else if (c == u'\n')
            out += QStringLiteral("\\n");
        else if (c == u'\r')
            out += QStringLiteral("\\r");
        else
            out += c;
    }
    return out;
}

// The value as entered: escaped() undone (a topic «Повторение\обобщение» reads back with one backslash).
QString unescaped(const QString& s) {
    QString out;
    out.reserve(s.size());
    for (qsizetype i = 0; i < s.size(); ++i) {
        if (s[i] != u'\\' || i + 1 == s.size()) {
            out += s[i];
            continue;
        }
        const QChar next = s[++i];
        out += next == u't' ? QChar(u'\t') : next == u'n' ? QChar(u'\n') : next == u'r' ? QChar(u'\r') : next;
    }
    return out;
}

QString rendered(const domain::FieldValue& v) {
    if (std::holds_alternative<std::int64_t>(v))
        return QString::number(std::get<std::int64_t>(v));
    if (std::holds_alternative<QString>(v))
        return escaped(std::get<QString>(v));
    return QStringLiteral("∅");
}

const QByteArray kHeader = QByteArrayLiteral("# entity\tfield\tvalue\n");

// A field's line (with its newline), or nothing when it has no visible value and no conflict.
void appendLine(QString& text, const sync::FieldId& id, const sync::FieldRegister& reg) {
    const std::optional<sync::Write> visible = reg.visible();
    const bool conflict = reg.inConflict();
    if (!visible || (!conflict && domain::isNull(visible->value)))
        return;
    text += id.entity + u'\t' + id.field + u'\t' + rendered(visible->value);
    if (conflict) {
        QStringList others;
        for (const sync::Write& h : reg.heads())
            if (h.version != visible->version)
                others << rendered(h.value) + QStringLiteral(" (") + escaped(h.author) + u')';
        text += QStringLiteral("\tCONFLICT: ") + others.join(QStringLiteral(", "));
    }
    text += u'\n';
}

// The file's lines from the merged state: every field of every entity placed in it with a visible value or a
// conflict, sorted by entity and field within each prefix (the prefixes are listed in a fixed order).
QByteArray render(const FileSpec& file, const sync::RegisterView& state) {
    QString text;
    for (const QString& prefix : file.prefixes()) {
        std::optional<QString> lastEntity;
        bool included = false;
        state.forEach(prefix, [&](const sync::FieldId& id, const sync::FieldRegister& reg) {
            if (lastEntity != id.entity) {
                lastEntity = id.entity;
                const std::optional<FileSpec> at = placeOf(id.entity, state, file.year);
                included = at && *at == file;
            }
            if (!included)
                return true;
            appendLine(text, id, reg);
            return true;
        });
    }
    if (text.isEmpty())
        return {};
    return kHeader + text.toUtf8();
}

// ---- The commit message --------------------------------------------------------------------------------------

// Entity types in the order a message lists them, with singular and plural nouns.
struct Noun {
    const char* type;
    const char* one;
    const char* many;
};
constexpr Noun kNouns[] = {
    {"lesson", "lesson", "lessons"},
    {"mark", "mark", "marks"},
    {"att", "attendance", "attendance"},
    {"task", "task", "tasks"},
    {"sub", "submission", "submissions"},
    {"pmark", "period mark", "period marks"},
    {"corr", "correction", "corrections"},
    {"ktp", "plan topic", "plan topics"},
    {"ktpfix", "plan correction", "plan corrections"},
    {"pupil", "pupil", "pupils"},
    {"member", "group member", "group members"},
    {"slot", "timetable slot", "timetable slots"},
    {"assign", "assignment", "assignments"},
    {"subst", "substitution", "substitutions"},
    {"class", "class record", "class records"},
};

struct RepoWork {
    QString classId, year;
    std::set<FileSpec> files;
    std::map<FileSpec, std::set<QString>> entities; // file → the entities to render again
};

// "7А math: 12 marks, 3 attendance; roster: 30 pupils", then the trailers. Fixed English text: the message is
// part of the commit, whose id must not depend on the operator's language.
QByteArray messageOf(const RepoWork& w, const BatchMeta& meta) {
    // label → entity type → how many entities (an entity lies in one file: the files' sets do not overlap)
    std::map<QString, std::map<QString, qsizetype>> touched;
    for (const auto& [file, entities] : w.entities) {
        std::map<QString, qsizetype>& types = touched[file.label()];
        for (const QString& entity : entities)
            ++types[domain::entityType(entity)];
    }
    QStringList parts;
    for (const auto& [label, types] : touched) {
        QStringList counts;
        for (const Noun& noun : kNouns) {
            const auto it = types.find(QString::fromLatin1(noun.type));
            if (it == types.end())
                continue;
            const qsizetype n = it->second;
            counts << QStringLiteral("%1 %2").arg(n).arg(QString::fromLatin1(n == 1 ? noun.one : noun.many));
        }
        parts << label + QStringLiteral(": ") + counts.join(QStringLiteral(", "));
    }
    QString subject = w.classId + u' ' + parts.join(QStringLiteral("; "));
    if (parts.isEmpty())
        subject = w.classId + QStringLiteral(": roster moves");
    QString device = meta.nodeId.isEmpty() ? QStringLiteral("hub") : meta.nodeId;
    if (!meta.deviceKey.isEmpty())
        device += QStringLiteral(" (") + crypto::fingerprint(meta.deviceKey) + u')';
    const QString batch = meta.batchId.isEmpty() ? QStringLiteral("none") : QString::fromLatin1(meta.batchId.toHex());
    return (subject + QStringLiteral("\n\nTeacher: ") + meta.teacherId + QStringLiteral("\nBatch: ") + batch +
            QStringLiteral("\nDevice: ") + device + u'\n')
        .toUtf8();
}

// ---- git helpers ---------------------------------------------------------------------------------------------

Result<std::optional<git_oid>> headOf(db::Database& db, const QString& repo) {
    TABEL_ASSIGN_OR_RETURN(db::Statement * st, db.cached("SELECT commit_oid FROM git_heads WHERE repo = ?"));
    st->bind(1, repo);
    Result<bool> row = st->step();
    const QByteArray raw = row && *row ? st->columnBlob(0) : QByteArray();
    st->reset();
    if (!row)
        return std::move(row).error();
    if (!*row)
        return std::optional<git_oid>();
    TABEL_ASSIGN_OR_RETURN(const git_oid oid, gitstore::oidFromRaw(raw));
    return std::optional<git_oid>(oid);
}

Status setHead(db::Database& db, const QString& repo, const QByteArray& commit) {
    TABEL_ASSIGN_OR_RETURN(db::Statement * up,
                           db.cached("INSERT OR REPLACE INTO git_heads(repo, commit_oid) VALUES(?, ?)"));
    Status ok = up->bind(1, repo).bind(2, commit).run();
    up->reset();
    return ok;
}

Result<gitstore::Tree> emptyTree(git_repository* repo) {
    git_treebuilder* raw = nullptr;
    TABEL_TRY(gitstore::check(git_treebuilder_new(&raw, repo, nullptr), "start an empty tree"));
    CHandle<git_treebuilder, &git_treebuilder_free> bld(raw);
    git_oid oid;
    TABEL_TRY(gitstore::check(git_treebuilder_write(&oid, bld.get()), "write an empty tree"));
    git_tree* tree = nullptr;
    TABEL_TRY(gitstore::check(git_tree_lookup(&tree, repo, &oid), "read the empty tree"));
    return gitstore::Tree(tree);
}

Result<gitstore::Tree> treeOfCommit(git_repository* repo, const git_oid& commitId) {
    git_commit* c = nullptr;
    TABEL_TRY(gitstore::check(git_commit_lookup(&c, repo, &commitId), "read a commit"));
    gitstore::Commit commit(c);
    git_tree* tree = nullptr;
    TABEL_TRY(gitstore::check(git_commit_tree(&tree, commit.get()), "read a commit's tree"));
    return gitstore::Tree(tree);
}

// Writes the files of one repository and commits when its tree changed.
// A line of a file as bytes, and where it sorts: render() writes the lines by the file's prefix, then by entity
// and field (UTF-8 bytes sort as the keys' code points, and keys hold no character outside the BMP).
struct LineRef {
    int prefix = 0;
    QByteArrayView entity, field, whole; // whole: with its newline
    friend bool operator<(const LineRef& a, const LineRef& b) {
        if (a.prefix != b.prefix)
            return a.prefix < b.prefix;
        if (const int c = a.entity.compare(b.entity); c != 0)
            return c < 0;
        return a.field.compare(b.field) < 0;
    }
};

std::optional<LineRef> lineRef(QByteArrayView line, const QList<QByteArray>& prefixes) {
    const qsizetype t1 = line.indexOf('\t');
    const qsizetype t2 = t1 < 0 ? -1 : line.sliced(t1 + 1).indexOf('\t');
    if (t2 < 0)
        return std::nullopt;
    LineRef r;
    r.entity = line.first(t1);
    r.field = line.sliced(t1 + 1, t2);
    r.whole = line;
    r.prefix = int(prefixes.size());
    for (qsizetype i = 0; i < prefixes.size(); ++i)
        if (r.entity.startsWith(prefixes[i])) {
            r.prefix = int(i);
            break;
        }
    return r;
}

// The same content as render(), from the file as it was and the entities the batch touched: their lines are
// rendered again from the merged state and merged, in order, with every other line kept as it was. A day's sync
// touches a few entities of month files that hold thousands; decoding all their registers again from hub.db
// at every push was most of the cost of a push (issue 8). The entities of a file never move to another file but
// pupils (the roster, rendered whole).
// touched: the entities of this batch that recordBatch placed in this file.
QByteArray patched(const QByteArray& before, const FileSpec& file, const std::set<QString>& touched,
                   const sync::RegisterView& state) {
    QList<QByteArray> prefixes;
    for (const QString& p : file.prefixes())
        prefixes << p.toUtf8();
    QSet<QByteArray> touchedBytes;
    for (const QString& e : touched)
        touchedBytes.insert(e.toUtf8());
    // The touched entities' lines, rendered again.
    QString fresh;
    for (const QString& entity : touched) { // placed in this very file by recordBatch
        state.forEntity(entity,
                        [&](const sync::FieldId& id, const sync::FieldRegister& reg) { appendLine(fresh, id, reg); });
    }
    const QByteArray freshBytes = fresh.toUtf8();
    std::vector<LineRef> added;
    for (qsizetype from = 0; from < freshBytes.size();) {
        const qsizetype end = freshBytes.indexOf('\n', from) + 1;
        if (const std::optional<LineRef> r = lineRef(QByteArrayView(freshBytes).sliced(from, end - from), prefixes))
            added.push_back(*r);
        from = end;
    }
    std::sort(added.begin(), added.end());
    // Merge: the kept lines are in order already.
    QByteArray out;
    out.reserve(before.size() + freshBytes.size() + kHeader.size());
    auto next = added.begin();
    for (qsizetype from = 0; from < before.size();) {
        qsizetype end = before.indexOf('\n', from);
        end = end < 0 ? before.size() : end + 1;
        const QByteArrayView line = QByteArrayView(before).sliced(from, end - from);
        from = end;
        if (line.startsWith('#'))
            continue;
        const std::optional<LineRef> r = lineRef(line, prefixes);
        if (!r || touchedBytes.contains(r->entity.toByteArray()))
            continue;
        while (next != added.end() && *next < *r)
            out += (next++)->whole;
        out += line;
    }
    for (; next != added.end(); ++next)
        out += next->whole;
    if (out.isEmpty())
        return {};
    return kHeader + out;
}

// The file's bytes in a tree; empty when it has none.
Result<QByteArray> fileIn(git_repository* repo, git_tree* tree, const QByteArray& path) {
    git_tree_entry* entry = nullptr;
    if (git_tree_entry_bypath(&entry, tree, path.constData()) != 0)
        return QByteArray();
    git_blob* b = nullptr;
    const int rc = git_blob_lookup(&b, repo, git_tree_entry_id(entry));
    git_tree_entry_free(entry);
    TABEL_TRY(gitstore::check(rc, "read a file"));
    gitstore::Blob blob(b);
    return QByteArray(static_cast<const char*>(git_blob_rawcontent(blob.get())),
                      qsizetype(git_blob_rawsize(blob.get())));
}

// rendered: where the new branch tip goes instead of git_heads (History::renderPending).
Status commitRepo(db::Database& db, git_repository* repo, const RepoWork& work, const BatchMeta& meta,
                  const sync::RegisterView& state, bool patch, History::Rendered* rendered) {
    const QString name = work.classId + u'/' + work.year;
    TABEL_ASSIGN_OR_RETURN(const std::optional<git_oid> parentId, headOf(db, name));
    gitstore::Commit parent;
    gitstore::Tree base;
    if (parentId) {
        git_commit* c = nullptr;
        TABEL_TRY(gitstore::check(git_commit_lookup(&c, repo, &*parentId), "read the branch tip"));
        parent.reset(c);
        TABEL_ASSIGN_OR_RETURN(base, treeOfCommit(repo, *parentId));
    } else {
        TABEL_ASSIGN_OR_RETURN(base, emptyTree(repo));
    }

    std::vector<QByteArray> paths;
    std::vector<git_tree_update> updates;
    paths.reserve(work.files.size());
    updates.reserve(work.files.size());
    for (const FileSpec& file : work.files) {
        paths.push_back(file.path().toUtf8());
        // A roster is rendered whole (a pupil moved to another class leaves it without being placed in it).
        QByteArray content;
        if (const auto touched = work.entities.find(file);
            patch && file.kind != FileKind::Roster && touched != work.entities.end()) {
            TABEL_ASSIGN_OR_RETURN(const QByteArray before, fileIn(repo, base.get(), paths.back()));
            content = patched(before, file, touched->second, state);
        } else {
            content = render(file, state);
        }
        git_tree_update u{};
        u.path = paths.back().constData();
        if (content.isEmpty()) {
            git_tree_entry* existing = nullptr;
            if (git_tree_entry_bypath(&existing, base.get(), u.path) != 0)
                continue; // nothing to remove
            git_tree_entry_free(existing);
            u.action = GIT_TREE_UPDATE_REMOVE;
        } else {
            u.action = GIT_TREE_UPDATE_UPSERT;
            u.filemode = GIT_FILEMODE_BLOB;
            TABEL_TRY(gitstore::check(
                git_blob_create_from_buffer(&u.id, repo, content.constData(), size_t(content.size())), "write a file"));
        }
        updates.push_back(u);
    }
    if (updates.empty())
        return {};
    git_oid treeId;
    TABEL_TRY(gitstore::check(git_tree_create_updated(&treeId, repo, base.get(), updates.size(), updates.data()),
                              "update a tree"));
    if (git_oid_equal(&treeId, git_tree_id(base.get())))
        return {}; // the visible state of this class did not change
    git_tree* t = nullptr;
    TABEL_TRY(gitstore::check(git_tree_lookup(&t, repo, &treeId), "read the new tree"));
    gitstore::Tree tree(t);

    const QString authorName = meta.teacherName.isEmpty() ? meta.teacherId : meta.teacherName;
    const QString email =
        (meta.teacherId.isEmpty() ? QStringLiteral("hub") : meta.teacherId) + QStringLiteral("@tabel.invalid");
    git_signature* s = nullptr;
    TABEL_TRY(gitstore::check(git_signature_new(&s, authorName.toUtf8().constData(), email.toUtf8().constData(),
                                                git_time_t(meta.receivedMs / 1000), 0),
                              "make the author's signature"));
    gitstore::Signature sig(s);
    const QByteArray message = messageOf(work, meta);
    const git_commit* parents[] = {parent.get()};
    git_oid commitId;
    TABEL_TRY(gitstore::check(git_commit_create(&commitId, repo, nullptr, sig.get(), sig.get(), nullptr,
                                                message.constData(), tree.get(), parent ? 1 : 0, parents),
                              "make a commit"));
    if (rendered) {
        rendered->heads.emplace_back(name, gitstore::raw(commitId));
        return {};
    }
    return setHead(db, name, gitstore::raw(commitId));
}

// ---- Reading the history -------------------------------------------------------------------------------------

struct Line {
    QString value, conflict;
};
using FileLines = std::map<std::pair<QString, QString>, Line>;

Result<FileLines> linesOf(git_repository* repo, const git_oid& blobId) {
    FileLines out;
    if (git_oid_is_zero(&blobId))
        return out;
    git_blob* b = nullptr;
    TABEL_TRY(gitstore::check(git_blob_lookup(&b, repo, &blobId), "read a file"));
    gitstore::Blob blob(b);
    const QString text = QString::fromUtf8(static_cast<const char*>(git_blob_rawcontent(blob.get())),
                                           qsizetype(git_blob_rawsize(blob.get())));
    for (const QString& line : text.split(u'\n', Qt::SkipEmptyParts)) {
        if (line.startsWith(u'#'))
            continue;
        const QStringList cells = line.split(u'\t');
        if (cells.size() < 3)
            continue;
        // Values as entered, not in their file form (the file escapes tabs, newlines and backslashes).
        out[{cells[0], cells[1]}] =
            Line{unescaped(cells[2]), cells.size() > 3 ? unescaped(cells.mid(3).join(u'\t')) : QString()};
    }
    return out;
}

QString shown(const std::optional<Line>& l) {
    if (!l)
        return {};
    return l->conflict.isEmpty() ? l->value : l->value + u' ' + l->conflict;
}

QString trailer(const QString& message, const QString& key) {
    git_message_trailer_array arr{};
    const QByteArray m = message.toUtf8();
    QString out;
    if (git_message_trailers(&arr, m.constData()) == 0) {
        for (size_t i = 0; i < arr.count; ++i)
            if (QString::fromUtf8(arr.trailers[i].key) == key)
                out = QString::fromUtf8(arr.trailers[i].value);
    }
    git_message_trailer_array_free(&arr);
    return out;
}

bool matches(const HistoryFilter& f, const QString& entity) {
    if (!f.entityPrefix.isEmpty() && !entity.startsWith(f.entityPrefix))
        return false;
    if (!f.pupilId.isEmpty()) {
        const QStringList parts = entity.split(u'/');
        if (!parts.mid(1).contains(f.pupilId))
            return false;
    }
    return true;
}

Status copyObject(git_odb* from, git_odb* to, const git_oid& id, std::set<QByteArray>& done) {
    if (!done.insert(gitstore::raw(id)).second)
        return {};
    git_odb_object* o = nullptr;
    TABEL_TRY(gitstore::check(git_odb_read(&o, from, &id), "read an object to export"));
    gitstore::OdbObject obj(o);
    git_oid written;
    TABEL_TRY(gitstore::check(git_odb_write(&written, to, git_odb_object_data(obj.get()),
                                            git_odb_object_size(obj.get()), git_odb_object_type(obj.get())),
                              "write an exported object"));
    return {};
}

Status copyTree(git_repository* repo, git_odb* from, git_odb* to, const git_oid& treeId, std::set<QByteArray>& done) {
    if (done.count(gitstore::raw(treeId)))
        return {};
    TABEL_TRY(copyObject(from, to, treeId, done));
    git_tree* t = nullptr;
    TABEL_TRY(gitstore::check(git_tree_lookup(&t, repo, &treeId), "read a tree to export"));
    gitstore::Tree tree(t);
    for (size_t i = 0; i < git_tree_entrycount(tree.get()); ++i) {
        const git_tree_entry* e = git_tree_entry_byindex(tree.get(), i);
        if (git_tree_entry_type(e) == GIT_OBJECT_TREE)
            TABEL_TRY(copyTree(repo, from, to, *git_tree_entry_id(e), done));
        else
            TABEL_TRY(copyObject(from, to, *git_tree_entry_id(e), done));
    }
    return {};
}

Result<gitstore::Revwalk> walkFrom(git_repository* repo, const git_oid& head) {
    git_revwalk* w = nullptr;
    TABEL_TRY(gitstore::check(git_revwalk_new(&w, repo), "walk the history"));
    gitstore::Revwalk walk(w);
    TABEL_TRY(
        gitstore::check(git_revwalk_sorting(walk.get(), GIT_SORT_TOPOLOGICAL | GIT_SORT_REVERSE), "walk the history"));
    TABEL_TRY(gitstore::check(git_revwalk_push(walk.get(), &head), "walk the history"));
    return walk;
}

} // namespace

QString osUser() {
    if (const passwd* pw = ::getpwuid(::getuid()); pw && pw->pw_name)
        return QString::fromLocal8Bit(pw->pw_name);
    return QString::number(::getuid());
}

// ---- History -------------------------------------------------------------------------------------------------

QString History::schoolYearOf(QDate date) {
    const int first = date.month() >= 9 ? date.year() : date.year() - 1;
    return QString::number(first) + u'-' + QString::number(first + 1);
}

Status History::ensureSchema(db::Database& db) {
    TABEL_TRY(gitstore::ensureSchema(db));
    return db.exec(kAuditSchema);
}

namespace {

// patch: rewrite only the touched entities' lines of a file (live); a replay renders every file whole, so that
// its trees, compared with the live ones (test_hub_history, test_hub_crash), check the patching too.
// rendered: render only (nothing is written to db, which may be read-only): the objects and tips go there.
Status recordBatch(db::Database& db, const BatchMeta& meta, const QList<sync::ChangeSet>& merged,
                   const sync::RegisterView& state, bool patch, History::Rendered* rendered = nullptr) {
    if (merged.isEmpty())
        return {};
    if (!rendered)
        TABEL_TRY(History::ensureSchema(db));
    const QString receivedYear = History::schoolYearOf(QDateTime::fromMSecsSinceEpoch(meta.receivedMs, Qt::UTC).date());
    std::map<QString, RepoWork> work;
    bool pupilsTouched = false;
    // The file of the entity before: a lesson's entities mostly lie in one file, found once.
    std::optional<FileSpec> lastFile;
    std::set<QString>* lastEntities = nullptr;
    for (const sync::ChangeSet& cs : merged) {
        const QString* previous = nullptr;
        for (const sync::Op& op : cs.ops) {
            // The ops of one entity come together (a mark's fields): its file and type are those of the last op.
            if (previous && *previous == op.entity)
                continue;
            previous = &op.entity;
            const std::optional<FileSpec> file = placeOf(op.entity, state, receivedYear);
            if (op.entity.startsWith(u"pupil/"))
                pupilsTouched = true;
            if (!file)
                continue;
            if (!lastEntities || !(*file == *lastFile)) {
                RepoWork& w = work[file->repo()];
                w.classId = file->classId;
                w.year = file->year;
                w.files.insert(*file);
                lastEntities = &w.entities[*file];
                lastFile = file;
            }
            lastEntities->insert(lastEntities->end(), op.entity); // entries mostly come in key order
        }
    }
    if (pupilsTouched) {
        // A pupil moved to another class leaves the old class's roster: every roster of the year is rewritten
        // (unchanged ones give the same blob, and no commit).
        TABEL_ASSIGN_OR_RETURN(db::Statement st, db.prepare("SELECT repo FROM git_heads ORDER BY repo"));
        while (true) {
            TABEL_ASSIGN_OR_RETURN(const bool row, st.step());
            if (!row)
                break;
            const QString repo = st.columnText(0);
            const qsizetype slash = repo.lastIndexOf(u'/');
            if (slash <= 0 || repo.mid(slash + 1) != receivedYear)
                continue;
            RepoWork& w = work[repo];
            w.classId = repo.left(slash);
            w.year = receivedYear;
            w.files.insert(FileSpec{FileKind::Roster, w.classId, receivedYear, {}, {}, {}});
        }
    }
    if (work.empty())
        return {};
    gitstore::Buffer buffer;
    TABEL_ASSIGN_OR_RETURN(gitstore::Repository repo, gitstore::open(db, rendered ? &buffer : nullptr));
    for (const auto& [name, w] : work)
        if (Status ok = commitRepo(db, repo.get(), w, meta, state, patch, rendered); !ok)
            return ok.error().withContext(name);
    if (rendered)
        for (auto& [oid, object] : buffer.objects) {
            TABEL_ASSIGN_OR_RETURN(QByteArray frame, gitstore::frameOf(object.content));
            rendered->objects.push_back({oid, int(object.type), std::int64_t(object.content.size()), std::move(frame)});
        }
    return {};
}

// The merged change sets a note names: from this process's memory when `known` is that note's, else from the log.
Result<QList<sync::ChangeSet>> changeSetsOf(db::Database& db, const History::PendingNote& note,
                                            const History::Deferred* known) {
    if (known && known->isOf(note))
        return known->merged;
    // After a restart: the merged rows of the push, as the replay reads them.
    QList<sync::ChangeSet> fromLog;
    TABEL_ASSIGN_OR_RETURN(db::Statement log, db.prepare("SELECT canonical, signature, hub_seq FROM log WHERE hub_seq "
                                                         "BETWEEN ? AND ? AND state = ? ORDER BY hub_seq"));
    log.bind(1, note.firstHubSeq).bind(2, note.lastHubSeq).bind(3, std::int64_t(kMerged));
    TABEL_TRY(log.eachRow([&]() -> Status {
        Result<sync::ChangeSet> cs = logChangeSet(log.columnBlob(0), log.columnBlob(1));
        if (!cs)
            return makeError(
                ErrorCode::Corrupt,
                tr("the history commit of the push received at %1 cannot be written: the change "
                   "set at hub sequence %2 of the log is damaged (%3); run «tabel-hub check» and "
                   "restore the hub's folder from a backup")
                    .arg(QDateTime::fromMSecsSinceEpoch(note.meta.receivedMs, Qt::UTC).toString(Qt::ISODate))
                    .arg(log.columnInt(2))
                    .arg(cs.error().message));
        fromLog.append(std::move(cs).value());
        return {};
    }));
    return fromLog;
}

Status forgetNote(db::Database& db, std::int64_t id) {
    TABEL_ASSIGN_OR_RETURN(db::Statement * del, db.cached("DELETE FROM history_queue WHERE id = ?"));
    Status ok = del->bind(1, id).run();
    del->reset();
    return ok;
}

} // namespace

Status History::record(db::Database& db, const BatchMeta& meta, const QList<sync::ChangeSet>& merged,
                       const sync::RegisterView& state) {
    return recordBatch(db, meta, merged, state, true);
}

Result<std::int64_t> History::defer(db::Database& db, const BatchMeta& meta, std::int64_t firstHubSeq,
                                    std::int64_t lastHubSeq) {
    TABEL_ASSIGN_OR_RETURN(db::Statement * ins,
                           db.cached("INSERT INTO history_queue(batch_id, node_id, device, teacher_id, teacher_name, "
                                     "received, first_seq, last_seq) VALUES(?, ?, ?, ?, ?, ?, ?, ?)"));
    Status ok = ins->bind(1, meta.batchId)
                    .bind(2, meta.nodeId)
                    .bind(3, meta.deviceKey)
                    .bind(4, meta.teacherId)
                    .bind(5, meta.teacherName)
                    .bind(6, std::int64_t(meta.receivedMs))
                    .bind(7, firstHubSeq)
                    .bind(8, lastHubSeq)
                    .run();
    ins->reset();
    TABEL_TRY(std::move(ok));
    return db.lastInsertRowId();
}

Result<bool> History::hasPending(db::Database& db) {
    TABEL_ASSIGN_OR_RETURN(const std::int64_t n, db.queryInt("SELECT count(*) FROM history_queue"));
    return n > 0;
}

Result<QList<History::PendingNote>> History::pendingNotes(db::Database& db) {
    TABEL_ASSIGN_OR_RETURN(db::Statement * st,
                           db.cached("SELECT id, batch_id, node_id, device, teacher_id, teacher_name, received, "
                                     "first_seq, last_seq FROM history_queue ORDER BY id"));
    QList<PendingNote> out;
    TABEL_TRY(st->eachRow([&]() -> Status {
        out.append({st->columnInt(0), st->columnInt(7), st->columnInt(8),
                    BatchMeta{st->columnBlob(1), st->columnText(2), st->columnBlob(3), st->columnText(4),
                              st->columnText(5), st->columnInt(6)}});
        return {};
    }));
    return out;
}

Status History::writePending(db::Database& db, const QList<PendingNote>& notes, const sync::RegisterView& state,
                             const Deferred* known) {
    for (const PendingNote& note : notes) {
        TABEL_ASSIGN_OR_RETURN(const QList<sync::ChangeSet> merged, changeSetsOf(db, note, known));
        TABEL_TRY(recordBatch(db, note.meta, merged, state, true));
        TABEL_TRY(forgetNote(db, note.id));
    }
    return {};
}

Result<History::Rendered> History::renderPending(db::Database& db, const PendingNote& note,
                                                 const sync::RegisterView& state, const Deferred* known) {
    TABEL_ASSIGN_OR_RETURN(const QList<sync::ChangeSet> merged, changeSetsOf(db, note, known));
    Rendered out;
    out.noteId = note.id;
    out.lastHubSeq = note.lastHubSeq;
    TABEL_TRY(recordBatch(db, note.meta, merged, state, true, &out));
    return out;
}

Result<bool> History::writeRendered(db::Database& db, const Rendered& rendered) {
    // The note by its id and last hub sequence (Deferred::isOf): a row id is used again once deleted.
    TABEL_ASSIGN_OR_RETURN(db::Statement * st, db.cached("SELECT 1 FROM history_queue WHERE id = ? AND last_seq = ?"));
    st->bind(1, rendered.noteId).bind(2, rendered.lastHubSeq);
    Result<bool> pending = st->step();
    st->reset();
    if (!pending)
        return std::move(pending).error();
    if (!*pending)
        return false; // written meanwhile (another process), or thrown away by a replay
    for (const Rendered::Object& o : rendered.objects)
        TABEL_TRY(gitstore::putObject(db, o.oid, o.type, o.size, o.frame));
    for (const auto& [repo, commit] : rendered.heads)
        TABEL_TRY(setHead(db, repo, commit));
    TABEL_TRY(forgetNote(db, rendered.noteId));
    return true;
}

Status History::replay(db::Database& db) {
    TABEL_TRY(ensureSchema(db));
    TABEL_ASSIGN_OR_RETURN(db::Transaction tx, db::Transaction::begin(db));
    // What was deferred is in the log too, and replayed with it.
    TABEL_TRY(db.exec("DELETE FROM git_objects; DELETE FROM git_heads; DELETE FROM history_queue;"));
    TABEL_ASSIGN_OR_RETURN(
        db::Statement log,
        db.prepare("SELECT device, received, state, canonical, signature FROM log ORDER BY hub_seq"));
    TABEL_ASSIGN_OR_RETURN(db::Statement node,
                           db.prepare("SELECT node_id, teacher_id, teacher_name FROM nodes WHERE device_key = ?"));
    TABEL_ASSIGN_OR_RETURN(db::Statement batch, db.prepare("SELECT batch_id FROM batches WHERE device = ? AND "
                                                           "received = ? ORDER BY batch_id LIMIT 1"));
    sync::Reconciler state;
    QList<sync::ChangeSet> group;
    QByteArray groupDevice;
    qint64 groupReceived = -1;
    const auto flush = [&]() -> Status {
        if (group.isEmpty())
            return {};
        BatchMeta meta;
        meta.deviceKey = groupDevice;
        meta.receivedMs = groupReceived;
        meta.teacherId = group.first().author;
        node.bind(1, groupDevice);
        TABEL_ASSIGN_OR_RETURN(const bool known, node.step());
        if (known) {
            meta.nodeId = node.columnText(0);
            meta.teacherId = node.columnText(1);
            meta.teacherName = node.columnText(2);
        }
        node.reset();
        batch.bind(1, groupDevice).bind(2, std::int64_t(groupReceived));
        TABEL_ASSIGN_OR_RETURN(const bool hasBatch, batch.step());
        if (hasBatch)
            meta.batchId = batch.columnBlob(0);
        batch.reset();
        TABEL_TRY(recordBatch(db, meta, group, state, false));
        group.clear();
        return {};
    };
    while (true) {
        TABEL_ASSIGN_OR_RETURN(const bool row, log.step());
        if (!row)
            break;
        const QByteArray device = log.columnBlob(0);
        const qint64 received = log.columnInt(1);
        if (device != groupDevice || received != groupReceived) {
            TABEL_TRY(flush());
            groupDevice = device;
            groupReceived = received;
        }
        if (log.columnInt(2) != kMerged)
            continue;
        TABEL_ASSIGN_OR_RETURN(sync::ChangeSet cs, logChangeSet(log.columnBlob(3), log.columnBlob(4)));
        if (const sync::ChangeSetResult r = state.apply(cs); r.rejected)
            return makeError(ErrorCode::Corrupt,
                             tr("the hub's op log holds a change set that cannot be merged again: %1").arg(r.reason));
        group.append(std::move(cs));
    }
    TABEL_TRY(flush());
    return tx.commit();
}

Result<QList<HistoryHead>> History::heads(db::Database& db) {
    TABEL_TRY(ensureSchema(db));
    TABEL_ASSIGN_OR_RETURN(gitstore::Repository repo, gitstore::open(db));
    TABEL_ASSIGN_OR_RETURN(db::Statement st, db.prepare("SELECT repo, commit_oid FROM git_heads ORDER BY repo"));
    QList<HistoryHead> out;
    while (true) {
        TABEL_ASSIGN_OR_RETURN(const bool row, st.step());
        if (!row)
            break;
        HistoryHead h;
        h.repo = st.columnText(0);
        TABEL_ASSIGN_OR_RETURN(const git_oid id, gitstore::oidFromRaw(st.columnBlob(1)));
        h.commit = gitstore::hex(id);
        TABEL_ASSIGN_OR_RETURN(const gitstore::Tree tree, treeOfCommit(repo.get(), id));
        h.tree = gitstore::hex(*git_tree_id(tree.get()));
        TABEL_ASSIGN_OR_RETURN(gitstore::Revwalk walk, walkFrom(repo.get(), id));
        git_oid c;
        while (git_revwalk_next(&c, walk.get()) == 0)
            ++h.commits;
        out.append(h);
    }
    return out;
}

Result<QList<HistoryChange>> History::changes(db::Database& db, const HistoryFilter& filter) {
    TABEL_ASSIGN_OR_RETURN(const QList<HistoryHead> allHeads, History::heads(db));
    TABEL_ASSIGN_OR_RETURN(gitstore::Repository repo, gitstore::open(db));
    QList<HistoryChange> out;
    for (const HistoryHead& head : allHeads) {
        if (!filter.classId.isEmpty() && !head.repo.startsWith(filter.classId + u'/'))
            continue;
        git_oid headId;
        TABEL_TRY(gitstore::check(git_oid_fromstr(&headId, head.commit.toLatin1().constData()), "read a head"));
        TABEL_ASSIGN_OR_RETURN(gitstore::Revwalk walk, walkFrom(repo.get(), headId));
        git_oid id;
        while (git_revwalk_next(&id, walk.get()) == 0) {
            git_commit* c = nullptr;
            TABEL_TRY(gitstore::check(git_commit_lookup(&c, repo.get(), &id), "read a commit"));
            gitstore::Commit commit(c);
            TABEL_ASSIGN_OR_RETURN(const gitstore::Tree tree, treeOfCommit(repo.get(), id));
            gitstore::Tree parentTree;
            if (git_commit_parentcount(commit.get()) > 0) {
                TABEL_ASSIGN_OR_RETURN(parentTree, treeOfCommit(repo.get(), *git_commit_parent_id(commit.get(), 0)));
            }
            git_diff* d = nullptr;
            TABEL_TRY(gitstore::check(git_diff_tree_to_tree(&d, repo.get(), parentTree.get(), tree.get(), nullptr),
                                      "compare two commits"));
            gitstore::Diff diff(d);
            const git_signature* author = git_commit_author(commit.get());
            const QString message = QString::fromUtf8(git_commit_message(commit.get()));
            HistoryChange base;
            base.time = QDateTime::fromSecsSinceEpoch(author->when.time, Qt::UTC);
            base.repo = head.repo;
            base.commit = gitstore::hex(id);
            base.teacherName = QString::fromUtf8(author->name);
            base.teacherId = QString::fromUtf8(author->email).section(u'@', 0, 0);
            base.device = trailer(message, QStringLiteral("Device"));
            base.batch = trailer(message, QStringLiteral("Batch"));
            for (size_t i = 0; i < git_diff_num_deltas(diff.get()); ++i) {
                const git_diff_delta* delta = git_diff_get_delta(diff.get(), i);
                TABEL_ASSIGN_OR_RETURN(const FileLines before, linesOf(repo.get(), delta->old_file.id));
                TABEL_ASSIGN_OR_RETURN(const FileLines after, linesOf(repo.get(), delta->new_file.id));
                std::set<std::pair<QString, QString>> keys;
                for (const auto& [k, v] : before)
                    keys.insert(k);
                for (const auto& [k, v] : after)
                    keys.insert(k);
                for (const auto& k : keys) {
                    if (!matches(filter, k.first))
                        continue;
                    const auto b = before.find(k);
                    const auto a = after.find(k);
                    const QString oldValue = shown(b == before.end() ? std::nullopt : std::optional(b->second));
                    const QString newValue = shown(a == after.end() ? std::nullopt : std::optional(a->second));
                    if (oldValue == newValue)
                        continue;
                    HistoryChange ch = base;
                    ch.path = QString::fromUtf8(delta->new_file.path ? delta->new_file.path : delta->old_file.path);
                    ch.entity = k.first;
                    ch.field = k.second;
                    ch.oldValue = oldValue;
                    ch.newValue = newValue;
                    out.append(std::move(ch));
                }
            }
        }
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const HistoryChange& a, const HistoryChange& b) { return a.time < b.time; });
    if (filter.limit > 0 && out.size() > filter.limit)
        out = out.mid(out.size() - filter.limit);
    return out;
}

Result<QStringList> History::exportGit(db::Database& db, const QString& dir) {
    const QDir target(dir);
    if (QFileInfo::exists(dir)) {
        if (!QFileInfo(dir).isDir())
            return makeError(ErrorCode::InvalidArgument, tr("%1 is a file; export-git writes into a new or empty "
                                                            "folder")
                                                             .arg(dir));
        if (!target.entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System).isEmpty())
            return makeError(ErrorCode::InvalidArgument,
                             tr("the folder %1 is not empty; export-git writes only into a new or empty folder, so "
                                "that it never mixes with other files")
                                 .arg(dir));
    }
    TABEL_ASSIGN_OR_RETURN(const QList<HistoryHead> allHeads, History::heads(db));
    TABEL_ASSIGN_OR_RETURN(gitstore::Repository source, gitstore::open(db));
    git_odb* rawFrom = nullptr;
    TABEL_TRY(gitstore::check(git_repository_odb(&rawFrom, source.get()), "open the history"));
    gitstore::Odb from(rawFrom);
    if (!QDir().mkpath(dir))
        return makeError(ErrorCode::Io, tr("cannot create the folder %1").arg(dir));
    // The exported repositories hold personal data in plain text: the folder is the owner's only.
    QFile::setPermissions(dir, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    QStringList written;
    for (const HistoryHead& head : allHeads) {
        const QString path = QDir(dir).absoluteFilePath(head.repo + QStringLiteral(".git"));
        git_repository* r = nullptr;
        TABEL_TRY(gitstore::check(git_repository_init(&r, path.toUtf8().constData(), 1), "create a bare repository"));
        gitstore::Repository out(r);
        git_odb* rawTo = nullptr;
        TABEL_TRY(gitstore::check(git_repository_odb(&rawTo, out.get()), "open an exported repository"));
        gitstore::Odb to(rawTo);
        git_oid headId;
        TABEL_TRY(gitstore::check(git_oid_fromstr(&headId, head.commit.toLatin1().constData()), "read a head"));
        TABEL_ASSIGN_OR_RETURN(gitstore::Revwalk walk, walkFrom(source.get(), headId));
        std::set<QByteArray> done;
        git_oid id;
        while (git_revwalk_next(&id, walk.get()) == 0) {
            TABEL_TRY(copyObject(from.get(), to.get(), id, done));
            git_commit* c = nullptr;
            TABEL_TRY(gitstore::check(git_commit_lookup(&c, source.get(), &id), "read a commit"));
            gitstore::Commit commit(c);
            TABEL_TRY(copyTree(source.get(), from.get(), to.get(), *git_commit_tree_id(commit.get()), done));
        }
        git_reference* ref = nullptr;
        TABEL_TRY(gitstore::check(
            git_reference_create(&ref, out.get(), "refs/heads/main", &headId, 1, "tabel-hub export-git"),
            "write refs/heads/main"));
        git_reference_free(ref);
        TABEL_TRY(gitstore::check(git_repository_set_head(out.get(), "refs/heads/main"), "point HEAD at main"));
        written << path;
    }
    return written;
}

Status History::audit(db::Database& db, const QString& command, const QString& detail) {
    TABEL_TRY(ensureSchema(db));
    TABEL_ASSIGN_OR_RETURN(db::Statement st,
                           db.prepare("INSERT INTO audit(time, user, command, detail) VALUES(?, ?, ?, ?)"));
    return st.bind(1, std::int64_t(QDateTime::currentMSecsSinceEpoch()))
        .bind(2, osUser())
        .bind(3, command)
        .bind(4, detail)
        .run();
}

} // namespace tabel::hub
