// Lesson documents (schema v6): a lesson, its marks and its absences are stored as one row of `lesson_docs`
// instead of one `state` row each.
//
// Why: a teacher's lesson writes some sixty entities at once, all keyed under that lesson. As sixty rows of a
// table keyed by text, they land in the middle of the B-tree (keys sort by subject, lessons come by date), so each
// commit rewrote about sixteen pages, and SQLCipher encrypts and authenticates every page it writes: most of a
// commit's cost (tests/bench/README.md). As one row appended in rowid order, with its key in a small index, a
// lesson writes about nine pages. Readers do not see the difference: NodeStore::entity, scan and fieldVersion
// take and return entity keys as before.
//
// A document's key is the lesson key followed by '/' ("7А/math/all/2026-09-01/1/"), so documents sort as the
// entity keys inside them do. Inside a document each entity is an entry keyed by its kind and the rest of its key
// ("lesson", "mark/7a-01/1", "att/7a-01"), holding its fields in the encodeState format.
#pragma once

#include "node/store/schema.h"
#include "shared/core/result.h"
#include "shared/core/string_hash.h"
#include "shared/db/sqlite.h"

#include <QByteArray>
#include <QString>

#include <map>
#include <optional>
#include <unordered_map>

namespace tabel::node::docs {

// Where a lesson-scoped entity lives. Entity keys of another kind, or with another number of segments, live in
// `state` as before (addressOf gives nullopt).
struct Address {
    QString doc;    // lesson key + '/'
    QByteArray sub; // UTF-8: kind, then '/' and the rest of the key, if any
};
// `recentDoc`: a document key that is likely the one (the last one used); when it is, the address shares it
// instead of allocating a copy.
std::optional<Address> addressOf(const QString& entityKey, const QString* recentDoc = nullptr);
QString entityKeyOf(const QString& doc, const QByteArray& sub);
// Whether entities whose key starts with this scan prefix ("mark/…/", "att/", "lesson/…") may be in documents.
bool mayHoldPrefix(const QString& prefix);

// Entries by sub key (UTF-8 byte order, which is the order of the entity keys); each value is encodeState bytes.
using Entries = std::map<QByteArray, QByteArray>;
// Format 1: byte 1, then per entry a varint length and the sub key, a varint length and the entity's state.
QByteArray encodeDoc(const Entries& entries);
// A document that does not decode is reported as a damaged store (ErrorCode::Corrupt).
[[nodiscard]] Result<Entries> decodeDoc(const QByteArray& bytes);

// The documents a transaction reads and writes, kept decoded until it ends: a lesson's sixty puts change one
// document in memory, and flush() writes it once. Outside a transaction, reads go to the database.
class DocCache {
public:
    explicit DocCache(db::Database& db) : m_db(db) {}
    // A transaction begins: documents read from now on are kept; end() forgets them (after a commit they are in
    // the database, after a rollback they must not be seen).
    void begin() { m_active = true; }
    void end() {
        m_docs.clear();
        m_recent.clear();
        m_active = false;
    }
    bool active() const { return m_active; }
    // The key of the document used last, for addressOf.
    const QString* recentDoc() const { return m_recent.isEmpty() ? nullptr : &m_recent; }

    [[nodiscard]] Result<std::optional<schema::EntityState>> load(const Address& at);
    // Only inside a transaction.
    [[nodiscard]] Status store(const Address& at, const schema::EntityState& state);
    // Writes the documents changed since the last flush (one INSERT or UPDATE each).
    [[nodiscard]] Status flush();

    // The entities in documents of the lessons whose key starts with `prefix`'s lesson part, whose key starts
    // with `prefix` (empty: every entity of every document). In key order for one kind; for the empty prefix in
    // document order. Flushes first, so it sees this transaction's writes.
    struct Found {
        QString key;
        schema::EntityState state;
    };
    [[nodiscard]] Result<QList<Found>> scan(const QString& prefix);

private:
    struct Doc {
        std::int64_t id = 0; // rowid; 0: not in the database yet
        Entries entries;
        bool dirty = false;
    };
    Result<Doc*> fetch(const QString& doc);
    static Result<std::optional<schema::EntityState>> entry(const Entries& entries, const QByteArray& sub);

    db::Database& m_db;
    bool m_active = false;
    std::unordered_map<QString, Doc, SeededStringHash> m_docs;
    QString m_recent;
};

} // namespace tabel::node::docs
