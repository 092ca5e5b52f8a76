#include "coursefiltermodel.h"

#include "courselistmodel.h"

namespace Lectern::Client {

CourseFilterModel::CourseFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setDynamicSortFilter(true);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setSortLocaleAware(true);
    sort(0);
}

void CourseFilterModel::setSearchText(const QString &text)
{
    const QStringList words = text.split(u' ', Qt::SkipEmptyParts);
    if (words == m_words)
        return;
    m_words = words;
    invalidateRowsFilter();
}

void CourseFilterModel::setStatus(const QString &status)
{
    if (status == m_status)
        return;
    m_status = status;
    invalidateRowsFilter();
}

void CourseFilterModel::setTerm(const QString &term)
{
    if (term == m_term)
        return;
    m_term = term;
    invalidateRowsFilter();
}

void CourseFilterModel::clearFilters()
{
    m_words.clear();
    m_status.clear();
    m_term.clear();
    invalidateRowsFilter();
}

bool CourseFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (!m_status.isEmpty() && index.data(CourseListModel::StatusRole).toString() != m_status)
        return false;
    if (!m_term.isEmpty() && index.data(CourseListModel::TermRole).toString() != m_term)
        return false;
    if (m_words.isEmpty())
        return true;
    const QString haystack = index.data(CourseListModel::TitleRole).toString() + u'\n'
        + index.data(CourseListModel::CodeRole).toString() + u'\n'
        + index.data(CourseListModel::DescriptionRole).toString();
    for (const QString &word : m_words) {
        if (!haystack.contains(word, Qt::CaseInsensitive))
            return false;
    }
    return true;
}

bool CourseFilterModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const int byTitle = QString::localeAwareCompare(
        left.data(CourseListModel::TitleRole).toString().toCaseFolded(),
        right.data(CourseListModel::TitleRole).toString().toCaseFolded());
    if (byTitle != 0)
        return byTitle < 0;
    return left.data(CourseListModel::CodeRole).toString()
        < right.data(CourseListModel::CodeRole).toString();
}

} // namespace Lectern::Client
