#pragma once

#include <QSortFilterProxyModel>
#include <QStringList>

namespace Lectern::Client {

// The course list as the Author workspace shows it: sorted by title, narrowed by a search over
// title, code and description (every word must appear), a status and a term.
class CourseFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit CourseFilterModel(QObject *parent = nullptr);

    void setSearchText(const QString &text);
    QString searchText() const { return m_words.join(u' '); }
    // "draft", "published", "archived"; empty for every status.
    void setStatus(const QString &status);
    QString status() const { return m_status; }
    // Empty for every term.
    void setTerm(const QString &term);
    QString term() const { return m_term; }
    // Whether the search or a filter leaves some courses out.
    bool isFiltering() const
    {
        return !m_words.isEmpty() || !m_status.isEmpty() || !m_term.isEmpty();
    }
    void clearFilters();

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    QStringList m_words;
    QString m_status;
    QString m_term;
};

} // namespace Lectern::Client
