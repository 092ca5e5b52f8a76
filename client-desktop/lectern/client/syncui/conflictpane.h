#pragma once

#include <QWidget>

class QLabel;
class QTextEdit;

namespace Lectern::Client {

// One side of a conflict in the inbox (base, mine or theirs): a heading, who and when, and the
// value read-only, either as it is or as a line diff against the base with added and removed
// lines highlighted (Merge::diffLines).
class ConflictPane : public QWidget
{
    Q_OBJECT

public:
    explicit ConflictPane(const QString &heading, QWidget *parent = nullptr);

    void setHeading(const QString &heading);
    QString heading() const;
    void setDetail(const QString &detail);
    QString detail() const;
    void showText(const QString &text);
    // A note in italics instead of a value ("Deleted").
    void showNote(const QString &note);
    // `text` with the lines it adds to `base` highlighted, and those it removes struck out.
    void showDiff(const QString &base, const QString &text);

    QString plainText() const;
    QTextEdit *textEdit() const { return m_text; }
    // The number of added / removed lines of the last showDiff() (for tests).
    int addedLines() const { return m_added; }
    int removedLines() const { return m_removed; }

private:
    QLabel *m_heading;
    QLabel *m_detail;
    QTextEdit *m_text;
    int m_added = 0;
    int m_removed = 0;
};

} // namespace Lectern::Client
