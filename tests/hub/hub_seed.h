// What a hub must hold before a teacher's marks can merge (issue 9: the hub trusts no value): the class 7А with
// its pupils on the roster and the lessons the marks sit in, written as the operator's own change sets — as a
// school's hub holds them after its roster import and its teachers' first lessons. Unit tests of the merge seed
// their store with it; the sets it writes are the operator's, so they show up in pulls and the history.
#pragma once

#include "hub/store/hub_store.h"
#include "shared/domain/model.h"

#include <QDateTime>
#include <QtTest>

namespace tabel::testing {

// Pupils p01…p09 and 7a-01…7a-09 in class 7А (grade 7), or the ids `pupils` when given; `lessons`: lesson key
// texts ("7А/math/all/2026-09-01/2").
inline QStringList defaultPupils() {
    QStringList ids;
    for (int i = 1; i <= 9; ++i)
        ids << QStringLiteral("p0%1").arg(i) << QStringLiteral("7a-0%1").arg(i);
    return ids;
}

inline void seedClass(hub::HubStore& store, const QStringList& lessons, const QStringList& pupils = defaultPupils()) {
    using namespace tabel::domain;
    QList<ReferenceEntity> entities;
    entities.append({QStringLiteral("class/7А"), SchoolClass{QStringLiteral("7А"), 7}.toFields()});
    for (const QString& id : pupils) {
        Pupil p;
        p.id = id;
        p.classId = QStringLiteral("7А");
        p.surname = QStringLiteral("Ученик-") + id;
        p.name = QStringLiteral("Иван");
        entities.append({p.entityKey(), p.toFields()});
    }
    for (const QString& text : lessons) {
        Lesson l;
        l.key = LessonKey::parse(text).value();
        l.topic = QStringLiteral("Тема");
        entities.append({l.entityKey(), l.toFields()});
    }
    auto written = store.writeEntities(entities, QDateTime::currentMSecsSinceEpoch());
    if (!written)
        qFatal("seedClass: %s", qPrintable(written.error().message));
}

} // namespace tabel::testing
