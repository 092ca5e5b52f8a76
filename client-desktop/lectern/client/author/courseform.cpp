#include "courseform.h"

#include "authorstyle.h"
#include "courserules.h"

#include <QCheckBox>
#include <QCompleter>
#include <QDateTimeEdit>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSpinBox>
#include <QStringListModel>
#include <QVBoxLayout>
#include <lectern/client/sync/localstore.h>
#include <lectern/entityspec.h>
#include <lectern/jsonutil.h>

namespace Lectern::Client {

namespace {

// A date (or date and time) that may be unset: a check box turns it on; off, the edit reads
// "Not set".
class OptionalDateEdit : public QWidget
{
public:
    OptionalDateEdit(bool withTime, const QString &accessibleName, QWidget *parent)
        : QWidget(parent)
        , m_set(new QCheckBox(this))
        , m_edit(withTime ? new QDateTimeEdit(this) : new QDateEdit(this))
        , m_withTime(withTime)
    {
        m_set->setAccessibleName(accessibleName);
        m_set->setToolTip(CourseForm::tr("Set or clear this date"));
        m_edit->setCalendarPopup(true);
        m_edit->setTimeSpec(Qt::LocalTime);
        m_edit->setAccessibleName(accessibleName);
        m_edit->setMinimumDateTime(QDateTime(QDate(1900, 1, 1), QTime(0, 0)));
        m_edit->setSpecialValueText(CourseForm::tr("Not set"));
        if (withTime)
            m_edit->setDisplayFormat(
                QLocale().dateTimeFormat(QLocale::ShortFormat).remove(QStringLiteral(":ss")));
        auto *layout = new QHBoxLayout(this);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->setSpacing(6);
        layout->addWidget(m_set);
        layout->addWidget(m_edit, 1);
        setFocusProxy(m_edit);
        QObject::connect(m_set, &QCheckBox::toggled, m_edit, [this](bool on) {
            if (on && m_edit->dateTime() == m_edit->minimumDateTime())
                m_edit->setDateTime(m_withTime ? QDateTime(QDate::currentDate(), QTime(9, 0))
                                               : QDateTime(QDate::currentDate(), QTime(0, 0)));
            if (!on)
                m_edit->setDateTime(m_edit->minimumDateTime());
            m_edit->setEnabled(on);
        });
        // Picking a date turns the date on.
        QObject::connect(m_edit, &QDateTimeEdit::dateTimeChanged, m_set, [this] {
            if (m_edit->dateTime() != m_edit->minimumDateTime())
                m_set->setChecked(true);
        });
        setValue({});
    }

    QCheckBox *check() const { return m_set; }
    QDateTimeEdit *edit() const { return m_edit; }

    QJsonValue value() const
    {
        if (!m_set->isChecked())
            return QJsonValue();
        if (m_withTime)
            return Json::fromDateTime(m_edit->dateTime().toUTC());
        return m_edit->date().toString(Qt::ISODate);
    }

    void setValue(const QJsonValue &value)
    {
        const QSignalBlocker blockCheck(m_set);
        const QSignalBlocker blockEdit(m_edit);
        const QDateTime when = m_withTime
            ? Json::toDateTime(value).toLocalTime()
            : QDateTime(QDate::fromString(value.toString(), Qt::ISODate), QTime(0, 0));
        m_set->setChecked(when.isValid());
        m_edit->setDateTime(when.isValid() ? when : m_edit->minimumDateTime());
        m_edit->setEnabled(when.isValid());
    }

private:
    QCheckBox *m_set;
    QDateTimeEdit *m_edit;
    bool m_withTime;
};

const QStringList dateFields {QStringLiteral("startDate"), QStringLiteral("endDate")};
const QStringList timeFields {QStringLiteral("enrollmentOpensAt"),
                              QStringLiteral("enrollmentClosesAt")};

QFormLayout *newForm()
{
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setLabelAlignment(Qt::AlignLeft | Qt::AlignTop);
    form->setHorizontalSpacing(16);
    form->setVerticalSpacing(6);
    return form;
}

QLabel *sectionTitle(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont font = label->font();
    font.setWeight(QFont::DemiBold);
    font.setPointSizeF(font.pointSizeF() * 1.08);
    label->setFont(font);
    return label;
}

} // namespace

CourseForm::CourseForm(Mode mode, QWidget *parent)
    : QWidget(parent)
    , m_mode(mode)
{
    setObjectName(QStringLiteral("courseForm"));
    const EntitySpec &spec = Entities::course();

    auto *code = new QLineEdit(this);
    code->setPlaceholderText(tr("Required, e.g. CS101"));
    code->setMaxLength(spec.field(QStringLiteral("code"))->maxLength);
    auto *title = new QLineEdit(this);
    title->setPlaceholderText(tr("Required, e.g. Introduction to programming"));
    title->setMaxLength(spec.field(QStringLiteral("title"))->maxLength);
    auto *term = new QLineEdit(this);
    term->setPlaceholderText(tr("e.g. Autumn 2026"));
    term->setMaxLength(spec.field(QStringLiteral("term"))->maxLength);
    m_termCompleter = new QCompleter(new QStringListModel(this), this);
    m_termCompleter->setCaseSensitivity(Qt::CaseInsensitive);
    term->setCompleter(m_termCompleter);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(AuthorStyle::spacing);

    auto *course = newForm();
    addField(course, QStringLiteral("code"), tr("&Code:"), code,
             tr("Short and unique in its term; learners see it next to the title."));
    addField(course, QStringLiteral("title"), tr("&Title:"), title);
    addField(course, QStringLiteral("term"), tr("T&erm:"), term);

    auto *dates = newForm();
    addField(dates, QStringLiteral("startDate"), tr("&Starts:"),
             new OptionalDateEdit(false, fieldLabel(QStringLiteral("startDate")), this));
    addField(dates, QStringLiteral("endDate"), tr("E&nds:"),
             new OptionalDateEdit(false, fieldLabel(QStringLiteral("endDate")), this));

    if (mode == Mode::New) {
        layout->addLayout(course);
        layout->addLayout(dates);
    } else {
        auto *level = new QLineEdit(this);
        level->setPlaceholderText(tr("e.g. Introductory"));
        level->setMaxLength(spec.field(QStringLiteral("level"))->maxLength);
        addField(course, QStringLiteral("level"), tr("&Level:"), level);
        auto *credits = new QDoubleSpinBox(this);
        credits->setRange(-1, 1000);
        credits->setDecimals(1);
        credits->setSpecialValueText(tr("Not set"));
        addField(course, QStringLiteral("credits"), tr("C&redits:"), credits);
        auto *description = new QPlainTextEdit(this);
        description->setTabChangesFocus(true);
        description->setPlaceholderText(tr("What learners will find in this course."));
        description->setMinimumHeight(90);
        description->setMaximumHeight(120);
        addField(course, QStringLiteral("description"), tr("&Description:"), description);

        auto *opens
            = new OptionalDateEdit(true, fieldLabel(QStringLiteral("enrollmentOpensAt")), this);
        auto *closes
            = new OptionalDateEdit(true, fieldLabel(QStringLiteral("enrollmentClosesAt")), this);
        auto *seats = new QSpinBox(this);
        seats->setRange(-1, 1000000);
        seats->setSpecialValueText(tr("No limit"));
        seats->setAccessibleName(fieldLabel(QStringLiteral("maxEnrollment")));
        auto *enrollment = newForm();
        addField(enrollment, QStringLiteral("enrollmentOpensAt"), tr("&Opens:"), opens);
        addField(enrollment, QStringLiteral("enrollmentClosesAt"), tr("Cl&oses:"), closes,
                 tr("Students can be enrolled between these times; staff at any time."));
        addField(enrollment, QStringLiteral("maxEnrollment"), tr("&Seats:"), seats,
                 tr("When every seat is taken, new students join a waiting list."));

        layout->addWidget(sectionTitle(tr("Course"), this));
        layout->addLayout(course);
        layout->addSpacing(AuthorStyle::margin);
        layout->addWidget(sectionTitle(tr("Dates"), this));
        layout->addLayout(dates);
        layout->addSpacing(AuthorStyle::margin);
        layout->addWidget(sectionTitle(tr("Enrollment"), this));
        layout->addLayout(enrollment);
    }
    layout->addStretch();

    for (auto it = m_editors.begin(); it != m_editors.end(); ++it) {
        QWidget *editor = it.value();
        const auto changed = [this] {
            if (!m_loading)
                Q_EMIT edited();
        };
        if (auto *line = qobject_cast<QLineEdit *>(editor))
            connect(line, &QLineEdit::textEdited, this, changed);
        else if (auto *text = qobject_cast<QPlainTextEdit *>(editor))
            connect(text, &QPlainTextEdit::textChanged, this, changed);
        else if (auto *spin = qobject_cast<QSpinBox *>(editor))
            connect(spin, &QSpinBox::valueChanged, this, changed);
        else if (auto *number = qobject_cast<QDoubleSpinBox *>(editor))
            connect(number, &QDoubleSpinBox::valueChanged, this, changed);
        else if (dateFields.contains(it.key()) || timeFields.contains(it.key())) {
            auto *date = static_cast<OptionalDateEdit *>(editor);
            connect(date->check(), &QCheckBox::toggled, this, changed);
            connect(date->edit(), &QDateTimeEdit::dateTimeChanged, this, changed);
        }
    }
    setCourse({});
}

CourseForm::~CourseForm() = default;

void CourseForm::addField(QFormLayout *form, const QString &field, const QString &label,
                          QWidget *editor, const QString &hint)
{
    editor->setObjectName(field);
    auto *error = new QLabel(this);
    error->setObjectName(field + QStringLiteral("Error"));
    AuthorStyle::makeErrorLabel(error);
    error->hide();
    auto *cell = new QVBoxLayout;
    cell->setSpacing(2);
    cell->setContentsMargins(0, 0, 0, 4);
    cell->addWidget(editor);
    cell->addWidget(error);
    if (!hint.isEmpty()) {
        auto *note = new QLabel(hint, this);
        note->setWordWrap(true);
        note->setForegroundRole(QPalette::PlaceholderText);
        QFont font = note->font();
        font.setPointSizeF(font.pointSizeF() * 0.92);
        note->setFont(font);
        cell->addWidget(note);
    }
    auto *labelWidget = new QLabel(label, this);
    labelWidget->setBuddy(editor);
    labelWidget->setMinimumWidth(90);
    form->addRow(labelWidget, cell);
    m_editors.insert(field, editor);
    m_errors.insert(field, error);
}

QString CourseForm::fieldLabel(const QString &field)
{
    static const QHash<QString, const char *> labels {
        {QStringLiteral("code"), QT_TR_NOOP("Code")},
        {QStringLiteral("title"), QT_TR_NOOP("Title")},
        {QStringLiteral("term"), QT_TR_NOOP("Term")},
        {QStringLiteral("level"), QT_TR_NOOP("Level")},
        {QStringLiteral("credits"), QT_TR_NOOP("Credits")},
        {QStringLiteral("description"), QT_TR_NOOP("Description")},
        {QStringLiteral("startDate"), QT_TR_NOOP("Start date")},
        {QStringLiteral("endDate"), QT_TR_NOOP("End date")},
        {QStringLiteral("enrollmentOpensAt"), QT_TR_NOOP("Enrollment opening")},
        {QStringLiteral("enrollmentClosesAt"), QT_TR_NOOP("Enrollment closing")},
        {QStringLiteral("maxEnrollment"), QT_TR_NOOP("Number of seats")},
    };
    const char *label = labels.value(field);
    return label ? tr(label) : field;
}

QWidget *CourseForm::editor(const QString &field) const
{
    return m_editors.value(field);
}

void CourseForm::setTermSuggestions(const QStringList &terms)
{
    static_cast<QStringListModel *>(m_termCompleter->model())->setStringList(terms);
}

void CourseForm::setCourse(const QJsonObject &fields)
{
    m_loading = true;
    for (auto it = m_editors.begin(); it != m_editors.end(); ++it) {
        const QJsonValue value = fields.value(it.key());
        QWidget *editor = it.value();
        if (auto *line = qobject_cast<QLineEdit *>(editor))
            line->setText(value.toString());
        else if (auto *text = qobject_cast<QPlainTextEdit *>(editor))
            text->setPlainText(value.toString());
        else if (auto *spin = qobject_cast<QSpinBox *>(editor))
            spin->setValue(value.isDouble() ? int(value.toInteger()) : spin->minimum());
        else if (auto *number = qobject_cast<QDoubleSpinBox *>(editor))
            number->setValue(value.isDouble() ? value.toDouble() : number->minimum());
        else
            static_cast<OptionalDateEdit *>(editor)->setValue(value);
    }
    m_loading = false;
    m_shown = values();
    clearErrors();
}

QJsonObject CourseForm::values() const
{
    QJsonObject out;
    for (auto it = m_editors.begin(); it != m_editors.end(); ++it) {
        QWidget *editor = it.value();
        QJsonValue value;
        if (auto *line = qobject_cast<QLineEdit *>(editor)) {
            // Blank is unset (for the code and the title: "is required").
            const QString text = line->text().trimmed();
            value = text.isEmpty() ? QJsonValue() : QJsonValue(text);
        } else if (auto *text = qobject_cast<QPlainTextEdit *>(editor)) {
            value = text->toPlainText();
        } else if (auto *spin = qobject_cast<QSpinBox *>(editor)) {
            value = spin->value() == spin->minimum() ? QJsonValue() : QJsonValue(spin->value());
        } else if (auto *number = qobject_cast<QDoubleSpinBox *>(editor)) {
            value
                = number->value() == number->minimum() ? QJsonValue() : QJsonValue(number->value());
        } else {
            value = static_cast<OptionalDateEdit *>(editor)->value();
        }
        out.insert(it.key(), value);
    }
    return out;
}

QJsonObject CourseForm::changes() const
{
    const QJsonObject now = values();
    QJsonObject changed;
    for (auto it = now.begin(); it != now.end(); ++it) {
        if (m_shown.value(it.key()) != *it)
            changed.insert(it.key(), *it);
    }
    return changed;
}

bool CourseForm::validate(const QList<LocalRecord> &courses, const QString &selfId)
{
    // A new course is a draft (the rules read the whole course).
    QJsonObject course = values();
    if (!course.contains(u"status"))
        course.insert(QStringLiteral("status"), QStringLiteral("draft"));
    // Stored values this form does not show are not the person's to fix here.
    const ValidationErrors all = CourseRules::validate(course, courses, selfId);
    ValidationErrors shown;
    for (const QString &field : all.fieldNames()) {
        if (m_editors.contains(field))
            shown.add(field, all.message(field));
    }
    showErrors(shown);
    return shown.isEmpty();
}

void CourseForm::showErrors(const ValidationErrors &errors)
{
    clearErrors();
    QWidget *first = nullptr;
    // In the order of the form, so the focus goes to the topmost.
    static const QStringList order {QStringLiteral("code"),
                                    QStringLiteral("title"),
                                    QStringLiteral("term"),
                                    QStringLiteral("level"),
                                    QStringLiteral("credits"),
                                    QStringLiteral("description"),
                                    QStringLiteral("startDate"),
                                    QStringLiteral("endDate"),
                                    QStringLiteral("enrollmentOpensAt"),
                                    QStringLiteral("enrollmentClosesAt"),
                                    QStringLiteral("maxEnrollment")};
    for (const QString &field : order) {
        if (!errors.has(field) || !m_errors.contains(field))
            continue;
        QLabel *label = m_errors.value(field);
        label->setText(tr("%1 %2.", "a field's name, then what is wrong with it (is required)")
                           .arg(fieldLabel(field), errors.message(field)));
        label->show();
        m_editors.value(field)->setAccessibleDescription(label->text());
        if (!first)
            first = m_editors.value(field);
    }
    if (first)
        first->setFocus(Qt::OtherFocusReason);
}

void CourseForm::clearErrors()
{
    for (auto it = m_errors.begin(); it != m_errors.end(); ++it) {
        it.value()->clear();
        it.value()->hide();
        m_editors.value(it.key())->setAccessibleDescription(QString());
    }
}

QString CourseForm::errorText(const QString &field) const
{
    QLabel *label = m_errors.value(field);
    return label && !label->isHidden() ? label->text() : QString();
}

} // namespace Lectern::Client
