// The hub's history in git (R-S7): one repository per class and school year ("7А/2026-2027"), holding canonical,
// human-readable files made from the merged (visible) state of that class's fields, and one commit per accepted
// batch, authored as the teacher, with the batch id and the device in trailers. See hub/README.md, "History".
//
// Storage: every git object is a row of git_objects in hub.db (hub/history/git_store.h), written through the
// hub's SQLite connection inside the caller's transaction. A push's commit is written after its Ack, from a note
// written in the push's transaction (defer(), writePending()), so a kill -9 leaves the note and loses no commit. Branch
// tips are rows of git_heads(repo, commit_oid), written in the same transaction. That table replaces a libgit2 refdb
// backend: the hub needs one ref per repository, never symbolic refs, reflogs or packed refs, and a plain table is
// transactional with the log for free; export-git writes real refs (refs/heads/main) into the exported bare
// repositories.
//
// Which repository an entity belongs to:
//   lessons, marks, attendance and substitutions carry a date in their key: the school year holding that date,
//     1 September to 31 August ("2026-2027" for 2026-09-01 … 2027-08-31);
//   everything else of a class (roster, groups, timetable, assignments, tasks, period marks, corrections, КТП,
//     the class record) has no date: the school year holding the hub's receive time of the batch (UTC). An old
//     year's repository therefore keeps those files as they were when that year ended.
// Calendar, subjects and teachers belong to no class and are not in these repositories.
//
// Files (paths inside a repository, each listing `entity<TAB>field<TAB>value` sorted by entity and field;
// a field in conflict shows its visible value, then `CONFLICT:` and the other heads' values and authors):
//   SUBJECT/GROUP/YYYY-MM.tsv  lessons, marks and attendance of that month
//   SUBJECT/GROUP/tasks.tsv    tasks and submissions
//   SUBJECT/periods.tsv        period marks and corrections
//   SUBJECT/ktp.tsv            КТП topics and corrections
//   roster.tsv, groups.tsv, timetable.tsv, assignments.tsv, substitutions.tsv, class.tsv
// A one-day change rewrites the one month file per subject it touches; a file's content depends only on the
// merged state of its entities, so replaying the log into an empty history gives the same trees.
#pragma once

#include "shared/core/result.h"
#include "shared/db/sqlite.h"
#include "sync/op.h"
#include "sync/reconcile.h"

#include <QByteArray>
#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <utility>
#include <vector>

namespace tabel::hub {

// The operating-system user running this program: who the audit and the register of prints name.
QString osUser();

// Who sent the change sets being recorded, and when the hub received them.
struct BatchMeta {
    QByteArray batchId;   // the push's batch id (Batch trailer); empty for writes without a batch
    QString nodeId;       // "n1"; empty when unknown
    QByteArray deviceKey; // Ed25519 public key of the device; empty for writes without a device
    QString teacherId;    // the commit's author: name, and <teacherId>@tabel.invalid
    QString teacherName;
    qint64 receivedMs = 0; // commit time, and the school year of undated entities
};

struct HistoryHead {
    QString repo;   // "7А/2026-2027"
    QString commit; // hex
    QString tree;   // hex
    int commits = 0;
};

// One change of one field, from the diff of a commit against its parent.
struct HistoryChange {
    QDateTime time;
    QString repo, path, commit;
    QString teacherId, teacherName;
    QString device; // the Device trailer: node id and key fingerprint
    QString batch;  // the Batch trailer
    QString entity, field;
    QString oldValue, newValue; // as entered; empty: the field had or has no value
    QString what;               // the entity in words (sync/describe.h), filled in by HubStore::history
};

struct HistoryFilter {
    QString classId;      // empty: every class
    QString entityPrefix; // entity key or prefix
    QString pupilId;      // a segment of the entity key (marks, attendance, period marks, roster, …)
    int limit = 0;        // the latest N changes; 0: all
};

class History {
public:
    // The history's tables (git_objects, git_heads, history_queue, audit), created when missing. Idempotent.
    [[nodiscard]] static Status ensureSchema(db::Database& db);

    // Records merged change sets: for every class repository they touch, the files of the touched entities are
    // rewritten from `state` (which already holds them) and, when the tree changed, one commit is made. Call
    // inside the transaction that writes the change sets' log rows (HubStore::push does; so must any other
    // writer of merged change sets: operator resolutions, imports). Held and refused sets must not be passed.
    [[nodiscard]] static Status record(db::Database& db, const BatchMeta& meta, const QList<sync::ChangeSet>& merged,
                                       const sync::RegisterView& state);

    // The history of a push is written after its Ack, when the hub is idle (ARCHITECTURE.md, "The history after
    // the Ack"). defer() notes, in the push's transaction, that the change sets merged at log rows firstHubSeq …
    // lastHubSeq are to be committed with meta; a kill -9 after the Ack leaves the note, not a lost commit. A
    // commit renders the merged state as it is when written, so the state must not change in between: every
    // writer of merged change sets calls writePending() first, in its own transaction, and at most one deferral
    // is ever pending. Returns the note's id.
    [[nodiscard]] static Result<std::int64_t> defer(db::Database& db, const BatchMeta& meta, std::int64_t firstHubSeq,
                                                    std::int64_t lastHubSeq);
    [[nodiscard]] static Result<bool> hasPending(db::Database& db);
    struct PendingNote {
        std::int64_t id = 0, firstHubSeq = 0, lastHubSeq = 0;
        BatchMeta meta;
    };
    [[nodiscard]] static Result<QList<PendingNote>> pendingNotes(db::Database& db); // oldest first
    // The change sets of a deferral still in this process's memory (id from defer()): spares decoding them from
    // the log again.
    struct Deferred {
        std::int64_t id = 0;
        std::int64_t lastHubSeq = 0; // with the id, names the note: a row id may be used again once deleted
        QList<sync::ChangeSet> merged;
        bool isOf(const PendingNote& note) const { return id == note.id && lastHubSeq == note.lastHubSeq; }
    };
    // Commits the notes (pendingNotes()), oldest first, from `state` (the merged state right after them), in the
    // caller's transaction, and forgets them. `known`, when its id is a note's, gives that deferral's change sets.
    [[nodiscard]] static Status writePending(db::Database& db, const QList<PendingNote>& notes,
                                             const sync::RegisterView& state, const Deferred* known = nullptr);

    // A note's commit rendered but not written: its git objects (compressed as stored) and the new branch tips.
    struct Rendered {
        struct Object {
            QByteArray oid; // raw, 20 bytes
            int type = 0;
            std::int64_t size = 0;
            QByteArray frame;
        };
        std::int64_t noteId = 0, lastHubSeq = 0; // the note it was rendered for
        std::vector<Object> objects;
        std::vector<std::pair<QString, QByteArray>> heads; // repository, commit id (raw)
    };
    // What writePending would write for one note, only read from `db` (the history's worker does it on a
    // read-only connection, beside the next push: hub/store/history_worker.h).
    [[nodiscard]] static Result<Rendered> renderPending(db::Database& db, const PendingNote& note,
                                                        const sync::RegisterView& state,
                                                        const Deferred* known = nullptr);
    // Writes a rendered commit in the caller's transaction and forgets its note, if the note is still pending;
    // false, and nothing written, when it is not (another process wrote it meanwhile, or a replay threw it away).
    [[nodiscard]] static Result<bool> writeRendered(db::Database& db, const Rendered& rendered);

    // Throws the history away and rebuilds it from the op log: the merged rows, grouped into their pushes
    // (consecutive rows of one device with one receive time), each recorded as it was. One transaction.
    [[nodiscard]] static Status replay(db::Database& db);

    [[nodiscard]] static Result<QList<HistoryHead>> heads(db::Database& db);
    // Every change of a field in the history (oldest first), filtered; old = the previous visible value in
    // that repository's history.
    [[nodiscard]] static Result<QList<HistoryChange>> changes(db::Database& db, const HistoryFilter& filter);

    // Writes one standard bare repository per class and year under dir (DIR/7А/2026-2027.git), with every
    // object reachable from its head and refs/heads/main. dir must be missing or empty. Returns the paths.
    [[nodiscard]] static Result<QStringList> exportGit(db::Database& db, const QString& dir);

    // An audit line: who (the OS user), when, which command, what it read or wrote.
    [[nodiscard]] static Status audit(db::Database& db, const QString& command, const QString& detail);

    // "2026-2027" for 2026-09-01 … 2027-08-31.
    static QString schoolYearOf(QDate date);
};

} // namespace tabel::hub
