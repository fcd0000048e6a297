#include "hub/summary/summary.h"

#include "shared/crypto/signing.h"
#include "shared/domain/model.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QStringList>

#include <algorithm>
#include <map>
#include <set>

namespace tabel::hub {

namespace {

QString tr(const char* s) {
    return QCoreApplication::translate("tabel::hub::Summary", s);
}

struct Entity {
    domain::Fields fields;
    QSet<QString> conflicts;        // fields whose heads disagree
    std::set<std::int64_t> devices; // the devices whose writes are visible in it
};

// The visible fields of every entity whose key starts with prefix, from the merged registers.
std::map<QString, Entity> entitiesUnder(const sync::RegisterView& state, const QString& prefix) {
    std::map<QString, Entity> out;
    state.forEach(prefix, [&out](const sync::FieldId& id, const sync::FieldRegister& reg) {
        Entity& e = out[id.entity];
        e.fields[id.field] = reg.visibleValue();
        if (reg.inConflict())
            e.conflicts.insert(id.field);
        if (const std::optional<sync::Write> w = reg.visible())
            e.devices.insert(w->version.device);
        return true;
    });
    return out;
}

QString isoTime(const QDateTime& t) {
    return t.toUTC().toString(Qt::ISODateWithMs);
}

QString columnLabel(const SummarySheet& sheet, const SummaryColumn& c) {
    return sheet.periodId.isEmpty() ? c.subjectName + u' ' + c.periodId : c.subjectName;
}

QString cellText(const SummaryCell& c) {
    QString text = c.inConflict ? c.value + u'*' : c.value;
    if (c.correction && !c.value.isEmpty())
        text += u' ' + tr("(corr.)");
    return text;
}

// "Алексеев Артём, Математика, q1: 4 → 5, «ошибка при выставлении»; утвердил: Смирнова (02.11.2026)"
QString correctionText(const SummaryCorrection& c) {
    return tr("%1, %2, %3: %4 → %5, «%6»; approved by %7 (%8)")
        .arg(c.pupilName, c.subjectName, c.periodId, c.oldValue, c.newValue, c.explanation, c.approver,
             c.date.toString(QStringLiteral("dd.MM.yyyy")));
}

QJsonObject correctionJson(const SummaryCorrection& c) {
    return {{QStringLiteral("number"), c.number},     {QStringLiteral("old"), c.oldValue},
            {QStringLiteral("new"), c.newValue},      {QStringLiteral("explanation"), c.explanation},
            {QStringLiteral("approver"), c.approver}, {QStringLiteral("date"), c.date.toString(Qt::ISODate)}};
}

QString csvField(const QString& s) {
    if (!s.contains(u',') && !s.contains(u'"') && !s.contains(u'\n') && !s.contains(u'\r'))
        return s;
    QString q = s;
    q.replace(QStringLiteral("\""), QStringLiteral("\"\""));
    return u'"' + q + u'"';
}

} // namespace

Result<SummarySheet> buildSummary(const sync::RegisterView& state, const QList<NodeRecord>& nodes,
                                  const QString& classId, const QString& periodId, const QDateTime& formed) {
    SummarySheet sheet;
    sheet.classId = classId;
    sheet.periodId = periodId;
    sheet.formed = formed;

    // Periods known from the calendar (period/<year>/<id>): their dates order the columns and bound the
    // absences. With several school years, the latest one of an id wins.
    QHash<QString, domain::Period> periods;
    for (const auto& [key, e] : entitiesUnder(state, QStringLiteral("period/")))
        if (Result<domain::Period> p = domain::Period::fromFields(key, e.fields); p)
            if (!periods.contains(p->id) || periods.value(p->id).start < p->start)
                periods.insert(p->id, *p);
    for (const domain::Period& p : std::as_const(periods))
        if (!p.title.isEmpty())
            sheet.periodTitles.insert(p.id, p.title);
    if (!periodId.isEmpty() && periods.contains(periodId)) {
        sheet.from = periods.value(periodId).start;
        sheet.to = periods.value(periodId).end;
        sheet.yearId = periods.value(periodId).yearId;
    }

    // Pupils of the class in the merged roster.
    QHash<QString, domain::Pupil> pupils;
    for (const auto& [key, e] : entitiesUnder(state, QStringLiteral("pupil/")))
        if (Result<domain::Pupil> p = domain::Pupil::fromFields(key, e.fields); p && p->classId == classId)
            pupils.insert(p->id, *p);

    QHash<QString, QString> subjectNames;
    for (const auto& [key, e] : entitiesUnder(state, QStringLiteral("subject/")))
        if (Result<domain::Subject> s = domain::Subject::fromFields(key, e.fields); s)
            subjectNames.insert(s->id, s->name);

    // The subjects of the class: its assignments (reference data and the nodes' scopes), and any with marks.
    QSet<QString> subjects;
    for (const auto& [key, e] : entitiesUnder(state, QStringLiteral("assign/"))) {
        const QStringList k = key.split(u'/');
        if (k.size() == 5 && k[2] == classId && !domain::isNull(e.fields.begin()->second))
            subjects.insert(k[3]);
    }
    for (const NodeRecord& n : nodes)
        for (const sync::EnrolledAssignment& a : n.assignments)
            if (a.classId == classId)
                subjects.insert(a.subjectId);

    // Period marks: pmark/<class>/<subject>/<period>/<pupil>, field "value".
    struct Mark {
        QString value;
        bool conflict = false;
    };
    QHash<QString, Mark> marks; // subject/period/pupil → mark
    QSet<QString> periodsWithMarks;
    QSet<QString> pupilsWithData;
    std::set<std::int64_t> authors; // the devices whose entries the sheet counts (R-S8)
    for (const auto& [key, e] : entitiesUnder(state, QStringLiteral("pmark/") + classId + u'/')) {
        const QStringList k = key.split(u'/');
        const auto v = e.fields.find(QStringLiteral("value"));
        if (k.size() != 5 || v == e.fields.end() || domain::isNull(v->second))
            continue;
        if (!periodId.isEmpty() && k[3] != periodId)
            continue;
        subjects.insert(k[2]);
        periodsWithMarks.insert(k[3]);
        pupilsWithData.insert(k[4]);
        marks.insert(k[2] + u'/' + k[3] + u'/' + k[4],
                     Mark{domain::textOf(v->second), e.conflicts.contains(QStringLiteral("value"))});
        authors.insert(e.devices.begin(), e.devices.end());
    }

    // Absences: att/<class>/<subject>/<group>/<date>/<slot>/<pupil> with a reason, within the span.
    QHash<QString, std::pair<int, int>> absences; // pupil → (all, illness)
    for (const auto& [key, e] : entitiesUnder(state, QStringLiteral("att/") + classId + u'/')) {
        const QStringList k = key.split(u'/');
        const auto reason = e.fields.find(QStringLiteral("reason"));
        if (k.size() != 7 || reason == e.fields.end() || domain::isNull(reason->second))
            continue;
        const QDate date = QDate::fromString(k[4], Qt::ISODate);
        if (sheet.from && (!date.isValid() || date < *sheet.from || date > *sheet.to))
            continue;
        auto& [all, ill] = absences[k[6]];
        ++all;
        authors.insert(e.devices.begin(), e.devices.end());
        if (domain::textOf(reason->second) == domain::toString(domain::AbsenceReason::Illness))
            ++ill;
        pupilsWithData.insert(k[6]);
    }

    if (pupils.isEmpty() && pupilsWithData.isEmpty())
        return makeError(ErrorCode::NotFound,
                         tr("the hub knows no pupils and no marks of class %1: its roster reaches the hub through "
                            "«tabel-hub import roster FILE» or the operator's node")
                             .arg(classId));

    // Columns: with a period, every subject of the class (an empty cell is a mark still missing); without one,
    // each subject × period that has marks. Subjects by name, periods by their start date.
    QStringList subjectOrder(subjects.begin(), subjects.end());
    const auto nameOf = [&](const QString& id) { return subjectNames.value(id, id); };
    std::sort(subjectOrder.begin(), subjectOrder.end(),
              [&](const QString& a, const QString& b) { return std::pair(nameOf(a), a) < std::pair(nameOf(b), b); });
    QStringList periodOrder =
        periodId.isEmpty() ? QStringList(periodsWithMarks.begin(), periodsWithMarks.end()) : QStringList{periodId};
    std::sort(periodOrder.begin(), periodOrder.end(), [&](const QString& a, const QString& b) {
        const auto rank = [&](const QString& p) {
            return std::tuple(p == u"annual"        ? 2
                              : periods.contains(p) ? 0
                                                    : 1,
                              periods.contains(p) ? periods.value(p).start : QDate(), p);
        };
        return rank(a) < rank(b);
    });
    for (const QString& s : subjectOrder)
        for (const QString& p : periodOrder)
            if (!periodId.isEmpty() || std::any_of(marks.keyBegin(), marks.keyEnd(),
                                                   [&](const QString& k) { return k.startsWith(s + u'/' + p + u'/'); }))
                sheet.columns.append({s, nameOf(s), p});

    // Corrections (2.6.8, R-J13): corr/<class>/<subject>/<period>/<pupil>/<number>; the latest one of a mark marks
    // its cell, and every one is listed.
    QHash<QString, SummaryCorrection> latestCorrection; // subject/period/pupil → the correction with the highest number
    for (const auto& [key, e] : entitiesUnder(state, QStringLiteral("corr/") + classId + u'/')) {
        const Result<domain::Correction> c = domain::Correction::fromFields(key, e.fields);
        if (!c || (!periodId.isEmpty() && c->periodId != periodId))
            continue;
        SummaryCorrection out{c->pupilId,
                              pupils.contains(c->pupilId) ? pupils.value(c->pupilId).fullName() : c->pupilId,
                              c->subjectId,
                              nameOf(c->subjectId),
                              c->periodId,
                              c->number,
                              domain::toString(c->oldValue),
                              domain::toString(c->newValue),
                              c->explanation,
                              c->approver,
                              c->date};
        const QString cell = c->subjectId + u'/' + c->periodId + u'/' + c->pupilId;
        if (!latestCorrection.contains(cell) || latestCorrection.value(cell).number < out.number)
            latestCorrection.insert(cell, out);
        sheet.corrections.append(std::move(out));
        authors.insert(e.devices.begin(), e.devices.end());
    }
    std::sort(sheet.corrections.begin(), sheet.corrections.end(),
              [](const SummaryCorrection& a, const SummaryCorrection& b) {
                  return std::tie(a.pupilName, a.subjectName, a.periodId, a.number) <
                         std::tie(b.pupilName, b.subjectName, b.periodId, b.number);
              });

    // Rows in the order of the alphabetical book; pupils the roster does not know come by their id.
    QList<domain::Pupil> order = pupils.values();
    for (const QString& id : pupilsWithData)
        if (!pupils.contains(id))
            order.append(domain::Pupil{id, classId, id, {}, {}, {}});
    std::sort(order.begin(), order.end(), domain::alphabeticalBefore);
    for (const domain::Pupil& p : order) {
        SummaryRow row;
        row.pupilId = p.id;
        row.name = pupils.contains(p.id) ? p.fullName() : p.id;
        for (const SummaryColumn& c : sheet.columns) {
            const QString cell = c.subjectId + u'/' + c.periodId + u'/' + p.id;
            const Mark m = marks.value(cell);
            SummaryCell out{m.value, m.conflict, std::nullopt};
            if (latestCorrection.contains(cell))
                out.correction = latestCorrection.value(cell);
            row.cells.append(std::move(out));
        }
        row.absences = absences.value(p.id).first;
        row.illness = absences.value(p.id).second;
        sheet.rows.append(std::move(row));
    }

    // The nodes that write the class, and any other whose entries the sheet counts: a substitute's absences, a
    // mark written on a second laptop (R-S8: the sheet says up to which sync of each it includes).
    for (const NodeRecord& n : nodes) {
        const bool writesClass = std::any_of(n.assignments.begin(), n.assignments.end(),
                                             [&](const sync::EnrolledAssignment& a) { return a.classId == classId; });
        if (writesClass || (!n.deviceKey.isEmpty() && authors.count(crypto::deviceNumber(n.deviceKey))))
            sheet.nodes.append({n.nodeId, n.teacherId, n.teacherName, n.lastSync});
    }
    return sheet;
}

QString summaryTable(const SummarySheet& sheet) {
    QString out;
    out += (sheet.periodId.isEmpty()
                ? tr("Summary sheet of class %1, every period, formed %2 from the hub's merged data (2.5.8)")
                      .arg(sheet.classId, sheet.formed.toLocalTime().toString(QStringLiteral("dd.MM.yyyy HH:mm")))
                : tr("Summary sheet of class %1, period %2, formed %3 from the hub's merged data (2.5.8)")
                      .arg(sheet.classId, sheet.periodId,
                           sheet.formed.toLocalTime().toString(QStringLiteral("dd.MM.yyyy HH:mm")))) +
           u'\n';
    QList<QStringList> rows;
    QStringList header{QStringLiteral("№"), tr("Pupil")};
    for (const SummaryColumn& c : sheet.columns)
        header << columnLabel(sheet, c);
    header << tr("Absent") << tr("Ill");
    rows << header;
    bool conflicts = false;
    for (qsizetype i = 0; i < sheet.rows.size(); ++i) {
        const SummaryRow& r = sheet.rows[i];
        QStringList cells{QString::number(i + 1), r.name};
        for (const SummaryCell& c : r.cells) {
            cells << (c.value.isEmpty() ? QStringLiteral("—") : cellText(c));
            conflicts = conflicts || c.inConflict;
        }
        cells << QString::number(r.absences) << QString::number(r.illness);
        rows << cells;
    }
    QList<int> widths(header.size(), 0);
    for (const QStringList& r : rows)
        for (int c = 0; c < r.size(); ++c)
            widths[c] = std::max(widths[c], int(r[c].size()));
    for (const QStringList& r : rows) {
        QStringList cells;
        for (int c = 0; c < r.size(); ++c)
            cells << (c + 1 < r.size() ? r[c].leftJustified(widths[c]) : r[c]);
        out += cells.join(QStringLiteral("  ")) + u'\n';
    }
    if (conflicts)
        out += tr("* in conflict: the later value is shown; «tabel-hub conflicts list --class %1» shows both")
                   .arg(sheet.classId) +
               u'\n';
    if (!sheet.corrections.isEmpty()) {
        out += tr("(corr.): the mark was corrected (2.6.8):") + u'\n';
        for (const SummaryCorrection& c : sheet.corrections)
            out += QStringLiteral("  ") + correctionText(c) + u'\n';
    }
    out += (sheet.from ? tr("Absences are counted from %1 to %2.")
                             .arg(sheet.from->toString(QStringLiteral("dd.MM.yyyy")),
                                  sheet.to->toString(QStringLiteral("dd.MM.yyyy")))
                       : tr("Absences are counted over the whole record.")) +
           u'\n';
    if (sheet.nodes.isEmpty()) {
        out += tr("No teacher's node writes this class.") + u'\n';
        return out;
    }
    out += tr("The sheet includes what the teachers' nodes sent up to their last sync:") + u'\n';
    for (const SummaryNode& n : sheet.nodes)
        out += QStringLiteral("  ") +
               tr("%1 (%2), node %3: %4")
                   .arg(n.teacherId, n.teacherName, n.nodeId,
                        n.lastSync ? n.lastSync->toLocalTime().toString(QStringLiteral("dd.MM.yyyy HH:mm"))
                                   : tr("never synced")) +
               u'\n';
    return out;
}

QString summaryCsv(const SummarySheet& sheet) {
    QStringList header{QStringLiteral("№"), tr("pupil id"), tr("pupil")};
    for (const SummaryColumn& c : sheet.columns)
        header << columnLabel(sheet, c);
    header << tr("absent") << tr("ill");
    QString out;
    const auto line = [&out](const QStringList& cells) {
        QStringList quoted;
        for (const QString& c : cells)
            quoted << csvField(c);
        out += quoted.join(u',') + QStringLiteral("\r\n");
    };
    line(header);
    for (qsizetype i = 0; i < sheet.rows.size(); ++i) {
        const SummaryRow& r = sheet.rows[i];
        QStringList cells{QString::number(i + 1), r.pupilId, r.name};
        for (const SummaryCell& c : r.cells)
            cells << cellText(c);
        cells << QString::number(r.absences) << QString::number(r.illness);
        line(cells);
    }
    if (!sheet.corrections.isEmpty()) {
        // R-J13: a second table after an empty line, so a spreadsheet shows the corrections beside the marks.
        out += QStringLiteral("\r\n");
        line({tr("corrections (2.6.8)"), tr("pupil id"), tr("pupil"), tr("subject"), tr("period"), tr("old mark"),
              tr("new mark"), tr("explanation"), tr("approved by"), tr("date")});
        for (const SummaryCorrection& c : sheet.corrections)
            line({QString::number(c.number), c.pupilId, c.pupilName, c.subjectName, c.periodId, c.oldValue, c.newValue,
                  c.explanation, c.approver, c.date.toString(Qt::ISODate)});
    }
    return out;
}

QByteArray summaryJson(const SummarySheet& sheet) {
    QJsonObject root;
    root[QStringLiteral("class")] = sheet.classId;
    root[QStringLiteral("period")] = sheet.periodId.isEmpty() ? QJsonValue() : QJsonValue(sheet.periodId);
    root[QStringLiteral("formed")] = isoTime(sheet.formed);
    root[QStringLiteral("absences_from")] = sheet.from ? QJsonValue(sheet.from->toString(Qt::ISODate)) : QJsonValue();
    root[QStringLiteral("absences_to")] = sheet.to ? QJsonValue(sheet.to->toString(Qt::ISODate)) : QJsonValue();
    QJsonArray columns;
    for (const SummaryColumn& c : sheet.columns)
        columns.append(QJsonObject{{QStringLiteral("subject"), c.subjectId},
                                   {QStringLiteral("subject_name"), c.subjectName},
                                   {QStringLiteral("period"), c.periodId}});
    root[QStringLiteral("columns")] = columns;
    QJsonArray rows;
    for (const SummaryRow& r : sheet.rows) {
        QJsonArray marks;
        for (const SummaryCell& c : r.cells) {
            if (c.value.isEmpty()) {
                marks.append(QJsonValue());
                continue;
            }
            QJsonObject mark{{QStringLiteral("value"), c.value}, {QStringLiteral("conflict"), c.inConflict}};
            if (c.correction)
                mark.insert(QStringLiteral("corrected"), correctionJson(*c.correction));
            marks.append(mark);
        }
        rows.append(QJsonObject{{QStringLiteral("pupil"), r.pupilId},
                                {QStringLiteral("name"), r.name},
                                {QStringLiteral("marks"), marks},
                                {QStringLiteral("absent"), r.absences},
                                {QStringLiteral("ill"), r.illness}});
    }
    root[QStringLiteral("pupils")] = rows;
    QJsonArray nodes;
    for (const SummaryNode& n : sheet.nodes)
        nodes.append(
            QJsonObject{{QStringLiteral("node"), n.nodeId},
                        {QStringLiteral("teacher"), n.teacherId},
                        {QStringLiteral("teacher_name"), n.teacherName},
                        {QStringLiteral("last_sync"), n.lastSync ? QJsonValue(isoTime(*n.lastSync)) : QJsonValue()}});
    root[QStringLiteral("nodes")] = nodes;
    if (!sheet.corrections.isEmpty()) {
        QJsonArray corrections;
        for (const SummaryCorrection& c : sheet.corrections) {
            QJsonObject o = correctionJson(c);
            o.insert(QStringLiteral("pupil"), c.pupilId);
            o.insert(QStringLiteral("subject"), c.subjectId);
            o.insert(QStringLiteral("period"), c.periodId);
            corrections.append(o);
        }
        root[QStringLiteral("corrections")] = corrections;
    }
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

} // namespace tabel::hub
