// Printing on the teacher's computer (issue 11 item 3): her journal and КТП through the shared forms
// (shared/documents), each print numbered in this computer's register (NodeStore::registerPrint). One place for
// the command line (`tabel-node print`) and the web journal's «Печать»: they differ only in where the bytes go.
#pragma once

#include "node/core/journal.h"
#include "node/store/node_store.h"
#include "shared/core/result.h"
#include "shared/documents/document.h"

#include <QDate>
#include <QString>

#include <functional>

namespace tabel::node {

struct JournalPrintRequest {
    QString classId, subjectId;
    QString groupId;  // empty: the whole class
    QString periodId; // when set, the period's dates (from the calendar) instead of from/to
    QDate from, to;
};

struct NodePrint {
    NodeStore::PrintRecord record;
    QString title; // the document's title, e.g. for a file name
    int lessons = 0;
};

// publish: puts the bytes where they go (a file renamed into place, a web answer) inside the registration; when it
// fails nothing is registered. NotFound for an unknown period or a span without lessons (nothing is printed).
[[nodiscard]] Result<NodePrint> printJournal(NodeStore& store, Journal& journal, const JournalPrintRequest& request,
                                             documents::Format format,
                                             const std::function<Status(const QByteArray&)>& publish);
// The КТП and its correction sheet (PDF or HTML). NotFound when the plan has no topics.
[[nodiscard]] Result<NodePrint> printKtp(NodeStore& store, Journal& journal, const QString& classId,
                                         const QString& subjectId, documents::Format format,
                                         const std::function<Status(const QByteArray&)>& publish);

} // namespace tabel::node
