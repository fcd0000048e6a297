// The summary sheet as a printed form (2.5.8, R-S8, R-J13): shared/documents/templates/summary_sheet.html filled
// from a SummarySheet (hub/summary/summary.h) — pupils × subjects with period marks, absences and those for
// illness, corrections as such (old mark, new mark, explanation, approver), conflicts marked, each teacher's last
// sync the sheet includes, the director's and deputy's signature lines and «М.П.».
#pragma once

#include "hub/summary/summary.h"
#include "shared/documents/common_content.h"
#include "shared/documents/document.h"
#include "shared/documents/xlsx.h"

namespace tabel::hub {

// Landscape when the subjects do not fit a portrait page.
documents::Form summaryForm(const SummarySheet& sheet);
QVariantMap summaryContent(const SummarySheet& sheet, const domain::SchoolProfile& school,
                           const documents::PrintStamp& stamp);
// The same as an Excel workbook: the sheet (marks as numbers, a corrected mark in italics with the correction as
// its note), the corrections, and the teachers' last syncs.
documents::Workbook summaryWorkbook(const SummarySheet& sheet, const domain::SchoolProfile& school,
                                    const documents::PrintStamp& stamp);

} // namespace tabel::hub
