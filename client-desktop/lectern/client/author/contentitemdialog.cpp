#include "contentitemdialog.h"

#include "outlinemodel.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QUrl>
#include <QVBoxLayout>
#include <lectern/client/sync/localstore.h>
#include <lectern/entityspec.h>

namespace Lectern::Client {

ContentItemDialog::ContentItemDialog(const QString &type, const QString &courseId,
                                     const LocalStore *store, QWidget *parent)
    : QDialog(parent)
    , m_type(type)
    , m_title(new QLineEdit(this))
    , m_error(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("contentItemDialog"));
    setWindowTitle(type == u"link"        ? tr("Add a link")
                       : type == u"video" ? tr("Add a video")
                                          : tr("Add a file"));
    setWindowIcon(OutlineModel::iconFor(type));
    setMinimumWidth(460);

    m_title->setObjectName(QStringLiteral("itemTitle"));
    m_title->setPlaceholderText(type == u"file" ? tr("The file's name") : tr("Required"));
    auto *form = new QFormLayout;
    form->setSpacing(10);
    form->addRow(tr("&Title:"), m_title);

    if (type == u"file") {
        m_file = new QComboBox(this);
        m_file->setObjectName(QStringLiteral("itemFile"));
        QList<LocalRecord> files;
        if (store) {
            for (const LocalRecord &file : store->list(Entities::file().name)) {
                if (file.fields.value(u"courseId").toString() == courseId)
                    files.append(file);
            }
        }
        std::sort(files.begin(), files.end(), [](const LocalRecord &a, const LocalRecord &b) {
            return a.fields.value(u"originalName")
                       .toString()
                       .localeAwareCompare(b.fields.value(u"originalName").toString())
                < 0;
        });
        for (const LocalRecord &file : std::as_const(files))
            m_file->addItem(OutlineModel::iconFor(QStringLiteral("file")),
                            file.fields.value(u"originalName").toString(), file.id);
        form->addRow(tr("&File:"), m_file);
        if (files.isEmpty()) {
            m_file->setEnabled(false);
            m_file->addItem(tr("No files yet"));
        }
        connect(m_file, &QComboBox::currentIndexChanged, this, &ContentItemDialog::updateState);
    } else {
        m_url = new QLineEdit(this);
        m_url->setObjectName(QStringLiteral("itemUrl"));
        m_url->setPlaceholderText(type == u"video" ? tr("https://video.example.org/watch/…")
                                                   : tr("https://…"));
        m_url->setClearButtonEnabled(true);
        form->addRow(tr("&Address:"), m_url);
        connect(m_url, &QLineEdit::textChanged, this, [this] {
            m_error->clear();
            updateState();
        });
    }
    connect(m_title, &QLineEdit::textChanged, this, &ContentItemDialog::updateState);

    m_error->setObjectName(QStringLiteral("itemError"));
    m_error->setWordWrap(true);
    m_error->setTextFormat(Qt::PlainText);
    if (m_file && !m_file->isEnabled())
        m_error->setText(tr("This course has no files yet. Add them in the Files tab first."));
    m_error->setForegroundRole(QPalette::PlaceholderText);

    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Add"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ContentItemDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 16, 16, 16);
    layout->setSpacing(10);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addStretch();
    layout->addWidget(m_buttons);
    updateState();
}

void ContentItemDialog::setTitle(const QString &title)
{
    m_title->setText(title);
}

QString ContentItemDialog::title() const
{
    const QString title = m_title->text().trimmed();
    if (title.isEmpty() && m_file && m_file->isEnabled())
        return m_file->currentText();
    return title;
}

void ContentItemDialog::setUrl(const QString &url)
{
    if (m_url)
        m_url->setText(url);
    if (m_url && !url.isEmpty()) {
        setWindowTitle(m_type == u"video" ? tr("Video address") : tr("Link address"));
        m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Save"));
    }
}

QJsonObject ContentItemDialog::fields() const
{
    if (m_file)
        return m_file->isEnabled()
            ? QJsonObject {{QStringLiteral("fileId"), m_file->currentData().toString()}}
            : QJsonObject();
    return {{QStringLiteral("url"), m_url->text().trimmed()}};
}

QString ContentItemDialog::urlProblem(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return tr("Enter the address of the page, starting with https://.");
    const QUrl url(trimmed, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty()
        || (url.scheme() != u"https" && url.scheme() != u"http"))
        return tr("“%1” is not a web address. It should start with https:// (or http://).")
            .arg(trimmed);
    if (trimmed.size() > 2000)
        return tr("This address is longer than 2,000 characters.");
    return {};
}

void ContentItemDialog::updateState()
{
    bool ok = !title().isEmpty();
    if (m_file)
        ok = ok && m_file->isEnabled();
    if (m_url)
        ok = ok && !m_url->text().trimmed().isEmpty();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(ok);
}

void ContentItemDialog::accept()
{
    if (m_url) {
        const QString problem = urlProblem(m_url->text());
        if (!problem.isEmpty()) {
            m_error->setText(problem);
            m_error->setForegroundRole(QPalette::Text);
            m_url->setFocus();
            return;
        }
    }
    if (title().isEmpty())
        return;
    QDialog::accept();
}

} // namespace Lectern::Client
