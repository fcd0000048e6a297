// Reference data from the CSV files a school hands over (R-J1): roster, timetable, calendar, converted to the
// entities and fields of model.h. The one conversion both `tabel-node import` (offline use) and `tabel-hub import`
// (the operator's change set that every node in scope pulls) run, so that both produce the same entity keys and
// field values. Formats: README.md, "CSV formats"; the reader: shared/csv/csv.h.
//
// All or nothing: every line is checked before anything is returned, and the first bad line is an InvalidInput
// error naming the file, the line and the column ("roster.csv, line 7, column 3 (surname): the field is empty").
#pragma once

#include "shared/core/result.h"
#include "shared/domain/fields.h"

#include <QList>
#include <QString>

#include <optional>

namespace tabel::domain {

enum class ReferenceKind { Roster, Timetable, Calendar };
QString referenceKindName(ReferenceKind kind); // "roster", "timetable", "calendar"
std::optional<ReferenceKind> parseReferenceKind(const QString& name);

struct ReferenceEntity {
    QString key;   // entity key, e.g. "pupil/7a-01"
    Fields fields; // the entity's whole field set (toFields())
    friend bool operator==(const ReferenceEntity&, const ReferenceEntity&) = default;
};

struct ReferenceData {
    QString file;                    // the file's name, as errors name it
    int rows = 0;                    // data lines read
    QList<ReferenceEntity> entities; // in the order they are to be written; each key once
};

// Reads and converts one file. The order of entities is deterministic (by kind, then by key or line).
[[nodiscard]] Result<ReferenceData> readReference(ReferenceKind kind, const QString& path);
[[nodiscard]] Result<ReferenceData> readRoster(const QString& path);
[[nodiscard]] Result<ReferenceData> readTimetable(const QString& path);
[[nodiscard]] Result<ReferenceData> readCalendar(const QString& path);

} // namespace tabel::domain
