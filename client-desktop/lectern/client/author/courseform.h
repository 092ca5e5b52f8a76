#pragma once

#include <QHash>
#include <QJsonObject>
#include <QWidget>
#include <lectern/validation.h>

class QCompleter;
class QFormLayout;
class QLabel;
class QLineEdit;

namespace Lectern::Client {

struct LocalRecord;

// A course's settings as a form: code, title, term, level, credits, description, the course's
// dates, and its enrollment window and seat limit. Each field has a message line under it that
// names what is wrong (CourseRules: the entity's own checks and the rules people expect).
//
// The form edits values; it does not write them. Its owner loads a course with setCourse(),
// checks with validate() and saves changes() (only the fields the person changed).
class CourseForm : public QWidget
{
    Q_OBJECT

public:
    enum class Mode {
        New,      // what a new course needs: code, title, term and dates
        Settings, // every setting
    };

    explicit CourseForm(Mode mode, QWidget *parent = nullptr);
    ~CourseForm() override;

    // Shows a course's fields; the form is unchanged afterwards.
    void setCourse(const QJsonObject &fields);
    // Every field as the form has it (a null value: not set).
    QJsonObject values() const;
    // The fields that differ from what setCourse() showed.
    QJsonObject changes() const;
    bool isModified() const { return !changes().isEmpty(); }

    // Checks values() against CourseRules, shows each message under its field and moves the
    // focus to the first one; true when there is none. `courses`: the courses in the store;
    // `selfId`: the course being edited (empty for a new one).
    bool validate(const QList<LocalRecord> &courses, const QString &selfId);
    // Shows messages from elsewhere (say the store's validation_failed error).
    void showErrors(const ValidationErrors &errors);
    void clearErrors();
    // The message shown under a field (empty when there is none).
    QString errorText(const QString &field) const;

    // Terms other courses use, offered while typing one.
    void setTermSuggestions(const QStringList &terms);

    // The editor of a field (by its JSON name), for focus and tests.
    QWidget *editor(const QString &field) const;
    // A field's label, as messages name it ("Code", "End date").
    static QString fieldLabel(const QString &field);

Q_SIGNALS:
    // The person changed a value.
    void edited();

private:
    void addField(QFormLayout *form, const QString &field, const QString &label, QWidget *editor,
                  const QString &hint = {});

    Mode m_mode;
    QHash<QString, QWidget *> m_editors;
    QHash<QString, QLabel *> m_errors;
    QJsonObject m_shown; // values() right after setCourse()
    QCompleter *m_termCompleter = nullptr;
    bool m_loading = false;
};

} // namespace Lectern::Client
