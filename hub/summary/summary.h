// The summary sheet (сводная ведомость, R-S8, regulation 2.5.8): the results of the intermediate and final
// attestation of one class — pupils × subjects with their period marks — formed from the hub's merged state at
// the moment it is asked for, with each pupil's absences in the period and, for each teacher's node of the
// class, the time of its last sync (which tells what the sheet includes).
//
// Pure over its inputs: the merged registers (sync::RegisterView) and the node list. Pupils come from the merged
// roster (pupil/ entities: a node of the operator, or the hub's import), subjects' names from subject/ entities,
// period dates from period/ entities; a pupil or subject with marks but without its reference data is still
// shown, by its id.
#pragma once

#include "hub/store/hub_store.h"
#include "shared/core/result.h"
#include "sync/reconcile.h"

#include <QByteArray>
#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QMap>
#include <QString>

#include <optional>

namespace tabel::hub {

struct SummaryColumn {
    QString subjectId, subjectName;
    QString periodId; // "q1", "h2", "annual", …
};

struct SummaryCorrection { // 2.6.8, R-J13: a corrected period mark shows as such on every printout
    QString pupilId, pupilName, subjectId, subjectName, periodId;
    int number = 1;
    QString oldValue, newValue, explanation, approver;
    QDate date;
};

struct SummaryCell {
    QString value;           // "5", "зач", "н/а"; empty: no mark yet
    bool inConflict = false; // the mark's field waits for the operator (R-S5); value is the later one
    std::optional<SummaryCorrection> correction; // the mark's latest correction, when it was corrected
};

struct SummaryRow {
    QString pupilId;
    QString name;             // "Surname Name Patronymic", or the id when the roster does not know the pupil
    QList<SummaryCell> cells; // one per column
    int absences = 0;         // lessons missed in the span (every reason)
    int illness = 0;          // of them for illness (Б)
};

struct SummaryNode {
    QString nodeId, teacherId, teacherName;
    std::optional<QDateTime> lastSync;
};

struct SummarySheet {
    QString classId;
    QString periodId;                     // empty: every period with marks
    std::optional<QDate> from, to;        // the span absences are counted in; unset: the whole record
    QDateTime formed;                     // when the sheet was formed
    QHash<QString, QString> periodTitles; // period id → its title in the calendar («1 четверть»), where known
    QString yearId;                       // the school year of the period, where known ("2026")
    QList<SummaryColumn> columns;
    QList<SummaryRow> rows;   // in the order of the alphabetical book
    QList<SummaryNode> nodes; // the nodes that write the class, and every other whose entries the sheet counts
                              // (a substitute's, R-S8)
    QList<SummaryCorrection> corrections; // of the sheet's marks, by pupil, subject, period and number
};

// NotFound when the hub knows neither pupils nor marks of the class. periodId may be empty.
[[nodiscard]] Result<SummarySheet> buildSummary(const sync::RegisterView& state, const QList<NodeRecord>& nodes,
                                                const QString& classId, const QString& periodId,
                                                const QDateTime& formed);

QString summaryTable(const SummarySheet& sheet); // aligned columns for a terminal, lines ending in '\n'
QString summaryCsv(const SummarySheet& sheet);   // RFC 4180, UTF-8, one header line
QByteArray summaryJson(const SummarySheet& sheet);

} // namespace tabel::hub
