// The substitution journal (regulation 2.5.4, R-J10) as a printed form for a span of dates: every substitution
// the hub knows — date, lesson, class, subject and group, the absent teacher, the substitute, the reason — and
// whether the lesson was written, with its topic. Gathered from the merged state; signed by the deputy director.
#pragma once

#include "shared/core/result.h"
#include "shared/documents/common_content.h"
#include "shared/documents/document.h"
#include "shared/documents/xlsx.h"
#include "sync/reconcile.h"

#include <QDate>

namespace tabel::hub {

struct SubstitutionLine {
    domain::Substitution substitution;
    QString subjectName, absentName, substituteName;
    QString topic; // of the lesson as written; empty when the lesson has not been written (yet)
};

struct SubstitutionJournal {
    QDate from, to;
    QString classId;               // empty: every class
    QList<SubstitutionLine> lines; // by date, slot, class
};

// classId empty: the whole school. NotFound when the span holds no substitution.
[[nodiscard]] Result<SubstitutionJournal> gatherSubstitutions(const sync::RegisterView& state, QDate from, QDate to,
                                                              const QString& classId);
documents::Form substitutionForm(const SubstitutionJournal& journal);
QVariantMap substitutionContent(const SubstitutionJournal& journal, const domain::SchoolProfile& school,
                                const documents::PrintStamp& stamp);
documents::Workbook substitutionWorkbook(const SubstitutionJournal& journal, const domain::SchoolProfile& school,
                                         const documents::PrintStamp& stamp);

} // namespace tabel::hub
