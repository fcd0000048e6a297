// The extract of a pupil's current marks on withdrawal during the school year (regulation 2.6.11, R-P4): every
// subject's current marks from the start of the school year to the date of the extract, the period marks given,
// the lessons missed — and, printed on the extract, a warning for every teacher of the pupil whose computer has
// not synced since that date (marks given there since are not in it). Gathered from the merged state and the
// node list; certified by the director, with the class teacher's signature line.
#pragma once

#include "hub/store/hub_store.h"
#include "shared/core/result.h"
#include "shared/documents/common_content.h"
#include "shared/documents/document.h"
#include "sync/reconcile.h"

#include <QDate>

namespace tabel::hub {

struct ExtractSubject {
    QString subjectId, subjectName;
    QStringList marks;       // "5 (03.09)" in date order
    QStringList periodMarks; // "1 четверть: 4"
    int absences = 0;
};

struct PupilExtract {
    domain::Pupil pupil;
    QDate yearStart, date;
    QList<ExtractSubject> subjects; // by name
    QStringList unsynced; // «Иванова Мария Петровна (Математика): последняя синхронизация 01.12.2026»
};

// NotFound when the roster has no such pupil.
[[nodiscard]] Result<PupilExtract> gatherExtract(const sync::RegisterView& state, const QList<NodeRecord>& nodes,
                                                 const QString& pupilId, QDate date);
documents::Form extractForm(const PupilExtract& extract);
QVariantMap extractContent(const PupilExtract& extract, const domain::SchoolProfile& school,
                           const documents::PrintStamp& stamp);

} // namespace tabel::hub
