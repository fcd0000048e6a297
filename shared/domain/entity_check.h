// Whether an entity's fields make a valid entity of its type: the same typed readers (model.h fromFields) the
// journal reads the store with, so whatever passes here the journal can show. Used by the hub on every change set
// a node pushes (sync/judge.h), by the node on every change set it pulls, and by the hub's own writes.
#pragma once

#include "shared/core/result.h"
#include "shared/domain/fields.h"

#include <QString>

namespace tabel::domain {

// Fields: the entity's non-null fields (null ones may be present and count as absent). An entity whose fields are
// all null is removed and always passes. An unknown type fails (InvalidInput), as does a value out of its type's
// range: a mark «7», a period mark «7», an absence reason «XYZ», a date that does not parse.
[[nodiscard]] Status checkEntity(const QString& key, const Fields& fields);

// The entity read as T, refused (InvalidInput) as checkEntity() refuses it: for callers that need the typed value
// too, so it is read once.
template <class T> Result<T> readEntity(const QString& key, const Fields& fields);

} // namespace tabel::domain
