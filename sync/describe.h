// What an entity is, in words an operator or a teacher reads instead of its key (issue 9 item 7): «отметка:
// Алексеев Артём (7a-01), Математика, 7А, урок 01.09.2026 № 2» for mark/7А/math/all/2026-09-01/2/7a-01/1. Names
// come from the merged state (the pupil's surname and name, the subject's name); an id stands where the state
// has no name. Pure: the caller passes the registers.
#pragma once

#include "shared/domain/rules.h"
#include "sync/reconcile.h"
#include "sync/relevance.h"

#include <QString>

namespace tabel::sync {

QString describeEntity(const QString& key, const CurrentValue& value);
QString describeEntity(const QString& key, const RegisterView& state);

// "Алексеев Артём (7a-01)", or «7a-01» when the roster does not know the pupil.
QString pupilText(const QString& pupilId, const CurrentValue& value);
QString pupilText(const QString& pupilId, const RegisterView& state);
// "Математика", or the id.
QString subjectText(const QString& subjectId, const CurrentValue& value);
QString subjectText(const QString& subjectId, const RegisterView& state);
// "Иванова Мария Петровна", or the id.
QString teacherText(const QString& teacherId, const RegisterView& state);

// The names the rules' and the scope's messages show (shared/domain/rules.h), looked up in the state when a
// message is written: pupils and entities as above, subjects and teachers by name. The state must outlive them.
domain::rules::Names namesOf(const RegisterView& state);

// A field's name as a teacher says it: «отметка», «причина», «тема» …; the name itself for the others.
QString fieldText(const QString& field);

} // namespace tabel::sync
