#include "shared/domain/average.h"

#include <QCoreApplication>

namespace tabel::domain {

void MarkAverage::add(const Mark& m) {
    if (!isNumeric(m.value))
        return;
    const int weight = m_rule == AverageRule::Weighted ? m.weight : 1;
    m_sum += numericValue(m.value) * weight;
    m_weights += weight;
}

QString MarkAverage::text() const {
    return m_weights > 0 ? QString::number(m_sum / m_weights, 'f', 2) : QString();
}

QString describe(AverageRule rule) {
    switch (rule) {
    case AverageRule::Weighted:
        return QCoreApplication::translate(
            "tabel::domain", "weighted: each mark counts as many times as its weight (a control work of weight 2 "
                             "counts twice); «зач», «осв» and «н/а» do not count");
    case AverageRule::Simple:
        return QCoreApplication::translate(
            "tabel::domain", "simple: every numeric mark counts once, whatever its weight; «зач», «осв» and «н/а» do "
                             "not count");
    }
    return {};
}

} // namespace tabel::domain
