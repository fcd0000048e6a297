// R-J12: a pupil's average mark over the dates shown, counted by the school's rule (SchoolProfile::average). The
// node's grid and everything that prints an average count it here, so the page, the CLI and a form agree.
#pragma once

#include "shared/domain/model.h"

#include <QString>

namespace tabel::domain {

class MarkAverage {
public:
    explicit MarkAverage(AverageRule rule = AverageRule::Weighted) : m_rule(rule) {}
    // Numeric marks only («зач», «осв», «н/а» do not count).
    void add(const Mark& m);
    // "4.25", or empty when no numeric mark was added.
    QString text() const;

private:
    AverageRule m_rule;
    double m_sum = 0, m_weights = 0;
};

// The rule in the teacher's words, shown beside the average: «weighted: a mark counts as many times as its weight».
QString describe(AverageRule rule);

} // namespace tabel::domain
