// The register of prints (2.5.10): HubStore::registerPrint, prints, printsWithHash.
#include "hub/store/internal.h"

#include <QCryptographicHash>
#include <QTimeZone>

#include <limits>

namespace tabel::hub {

using namespace internal;

namespace {

constexpr const char* kColumns = "number, printed, who, origin, form, parameters, format, pages, bytes, sha256";

HubStore::PrintRecord recordOf(const db::Statement& row) {
    HubStore::PrintRecord r;
    r.number = row.columnInt(0);
    r.printed = QDateTime::fromMSecsSinceEpoch(row.columnInt(1), Qt::UTC);
    r.who = row.columnText(2);
    r.origin = row.columnText(3);
    r.form = row.columnText(4);
    r.parameters = row.columnText(5);
    r.format = row.columnText(6);
    r.pages = int(row.columnInt(7));
    r.bytes = row.columnInt(8);
    r.sha256 = row.columnBlob(9);
    return r;
}

// The hub's prints and the nodes' in one list: by time, then origin and number.
Result<QList<HubStore::PrintRecord>> select(db::Database& db, const QByteArray& sha256) {
    const QByteArray where = sha256.isEmpty() ? QByteArray() : QByteArray(" WHERE sha256 = ?1");
    const QByteArray sql = QByteArray("SELECT ") + kColumns + " FROM prints" + where +
                           " UNION ALL SELECT number, printed, who, node_id, form, parameters, format, pages, bytes, "
                           "sha256 FROM node_prints" +
                           where + " ORDER BY 2, 4, 1";
    TABEL_ASSIGN_OR_RETURN(db::Statement rows, db.prepare(sql.constData()));
    if (!sha256.isEmpty())
        rows.bind(1, sha256);
    QList<HubStore::PrintRecord> out;
    while (true) {
        TABEL_ASSIGN_OR_RETURN(const bool row, rows.step());
        if (!row)
            break;
        out.append(recordOf(rows));
    }
    return out;
}

} // namespace

Result<HubStore::PrintRecord>
HubStore::registerPrint(const QString& form, const QString& parameters, const QString& format,
                        const std::function<Result<Printed>(qint64, const QDateTime&)>& make,
                        const std::function<Status(const QByteArray&)>& publish, qint64 nowMs) {
    return d->inTransaction([&]() -> Result<PrintRecord> {
        // The number is taken under the write lock, so two prints never share one.
        TABEL_ASSIGN_OR_RETURN(const std::int64_t last, d->db->queryInt("SELECT coalesce(max(number), 0) FROM prints"));
        PrintRecord r;
        r.number = last + 1;
        r.printed = QDateTime::fromMSecsSinceEpoch(nowMs, Qt::UTC);
        r.who = osUser();
        r.origin = QStringLiteral("hub");
        r.form = form;
        r.parameters = parameters;
        r.format = format;
        TABEL_ASSIGN_OR_RETURN(const Printed printed, make(r.number, r.printed));
        r.pages = printed.pages;
        r.bytes = printed.bytes.size();
        r.sha256 = QCryptographicHash::hash(printed.bytes, QCryptographicHash::Sha256);
        TABEL_ASSIGN_OR_RETURN(db::Statement insert,
                               d->db->prepare("INSERT INTO prints(number, printed, who, origin, form, parameters, "
                                              "format, pages, bytes, sha256) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        TABEL_TRY(insert.bind(1, std::int64_t(r.number))
                      .bind(2, std::int64_t(nowMs))
                      .bind(3, r.who)
                      .bind(4, r.origin)
                      .bind(5, r.form)
                      .bind(6, r.parameters)
                      .bind(7, r.format)
                      .bind(8, std::int64_t(r.pages))
                      .bind(9, std::int64_t(r.bytes))
                      .bind(10, r.sha256)
                      .run());
        // Printing pupils' marks is processing personal data (5.5): logged with the print.
        TABEL_TRY(History::audit(*d->db, QStringLiteral("print"),
                                 QStringLiteral("number=%1 form=%2 %3 format=%4 pages=%5")
                                     .arg(r.number)
                                     .arg(form, parameters, format)
                                     .arg(r.pages)));
        TABEL_TRY(publish(printed.bytes));
        return r;
    });
}

Result<QList<quint64>> HubStore::recordNodePrints(const NodeRecord& node, const QList<sync::PrintEntry>& entries,
                                                  qint64 nowMs) {
    return d->inTransaction([&]() -> Result<QList<quint64>> {
        TABEL_ASSIGN_OR_RETURN(db::Statement insert,
                               d->db->prepare("INSERT OR IGNORE INTO node_prints(node_id, number, printed, who, form, "
                                              "parameters, format, pages, bytes, sha256, received) "
                                              "VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        QList<quint64> stored;
        int added = 0;
        for (const sync::PrintEntry& p : entries) {
            if (p.number == 0 || p.number > quint64(std::numeric_limits<std::int64_t>::max()) ||
                p.pages > quint64(std::numeric_limits<int>::max()) ||
                p.bytes > quint64(std::numeric_limits<std::int64_t>::max()))
                continue; // not an entry a node's register can hold: not stored, so not acknowledged
            TABEL_TRY(insert.bind(1, node.nodeId)
                          .bind(2, std::int64_t(p.number))
                          .bind(3, std::int64_t(p.printedMs))
                          .bind(4, p.who)
                          .bind(5, p.form)
                          .bind(6, p.parameters)
                          .bind(7, p.format)
                          .bind(8, std::int64_t(p.pages))
                          .bind(9, std::int64_t(p.bytes))
                          .bind(10, p.sha256)
                          .bind(11, std::int64_t(nowMs))
                          .run());
            added += d->db->changes() > 0 ? 1 : 0;
            insert.reset();
            stored.append(p.number);
        }
        if (added > 0)
            TABEL_TRY(History::audit(*d->db, QStringLiteral("node-prints"),
                                     QStringLiteral("node=%1 reported=%2").arg(node.nodeId).arg(added)));
        return stored;
    });
}

Result<QList<HubStore::PrintRecord>> HubStore::prints() {
    return select(*d->db, {});
}

Result<QList<HubStore::PrintRecord>> HubStore::printsWithHash(const QByteArray& sha256) {
    if (sha256.isEmpty())
        return QList<PrintRecord>{};
    return select(*d->db, sha256);
}

} // namespace tabel::hub
