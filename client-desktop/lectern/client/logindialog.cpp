#include "logindialog.h"

#include "apiclient.h"
#include "busyindicator.h"
#include "errormessages.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace Lectern::Client {

LoginDialog::LoginDialog(QWidget *parent)
    : QDialog(parent)
    , m_serverEdit(new QLineEdit(this))
    , m_emailEdit(new QLineEdit(this))
    , m_passwordEdit(new QLineEdit(this))
    , m_messageLabel(new QLabel(this))
    , m_statusLabel(new QLabel(this))
    , m_busyIndicator(new BusyIndicator(this))
    , m_buttons(new QDialogButtonBox(this))
{
    setObjectName(QStringLiteral("loginDialog"));
    setWindowTitle(tr("Log in to Lectern"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/lectern.svg")));

    auto *logo = new QLabel(this);
    logo->setPixmap(QIcon(QStringLiteral(":/icons/lectern.svg")).pixmap(QSize(56, 56)));
    logo->setAlignment(Qt::AlignTop);
    auto *title = new QLabel(tr("Log in to Lectern"), this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.5);
    titleFont.setWeight(QFont::DemiBold);
    title->setFont(titleFont);
    auto *subtitle = new QLabel(tr("Use the account your organization gave you."), this);
    subtitle->setWordWrap(true);
    subtitle->setForegroundRole(QPalette::PlaceholderText);

    auto *heading = new QVBoxLayout;
    heading->setSpacing(2);
    heading->addWidget(title);
    heading->addWidget(subtitle);
    heading->addStretch();
    auto *header = new QHBoxLayout;
    header->setSpacing(14);
    header->addWidget(logo);
    header->addLayout(heading, 1);

    m_serverEdit->setObjectName(QStringLiteral("serverEdit"));
    m_serverEdit->setPlaceholderText(QStringLiteral("https://lectern.example.org"));
    m_serverEdit->setInputMethodHints(Qt::ImhUrlCharactersOnly | Qt::ImhNoAutoUppercase);
    m_emailEdit->setObjectName(QStringLiteral("emailEdit"));
    m_emailEdit->setPlaceholderText(tr("you@example.org"));
    m_emailEdit->setInputMethodHints(Qt::ImhEmailCharactersOnly | Qt::ImhNoAutoUppercase);
    m_passwordEdit->setObjectName(QStringLiteral("passwordEdit"));
    m_passwordEdit->setEchoMode(QLineEdit::Password);
    m_passwordEdit->setInputMethodHints(Qt::ImhHiddenText | Qt::ImhSensitiveData
                                        | Qt::ImhNoPredictiveText);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setRowWrapPolicy(QFormLayout::DontWrapRows);
    form->setLabelAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    form->setHorizontalSpacing(12);
    form->setVerticalSpacing(10);
    form->addRow(tr("&Server:"), m_serverEdit);
    form->addRow(tr("&Email:"), m_emailEdit);
    form->addRow(tr("&Password:"), m_passwordEdit);

    m_messageLabel->setObjectName(QStringLiteral("messageLabel"));
    m_messageLabel->setWordWrap(true);
    m_messageLabel->setTextFormat(Qt::PlainText);
    m_messageLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // Fixed colours: a light panel with dark text stays readable under light and dark palettes.
    m_messageLabel->setStyleSheet(QStringLiteral(
        "QLabel#messageLabel { background: #FDECEC; color: #8A1C1C; border: 1px solid #F3C0BC;"
        " border-radius: 6px; padding: 8px 10px; }"));
    m_messageLabel->setAccessibleName(tr("Login problem"));
    m_messageLabel->hide();

    m_statusLabel->setForegroundRole(QPalette::PlaceholderText);

    m_loginButton = m_buttons->addButton(tr("&Log in"), QDialogButtonBox::AcceptRole);
    m_loginButton->setObjectName(QStringLiteral("loginButton"));
    m_loginButton->setDefault(true);
    m_loginButton->setAutoDefault(true);
    m_quitButton = m_buttons->addButton(tr("&Quit"), QDialogButtonBox::RejectRole);
    m_quitButton->setObjectName(QStringLiteral("quitButton"));
    m_quitButton->setAutoDefault(false);

    auto *footer = new QHBoxLayout;
    footer->setSpacing(8);
    footer->addWidget(m_busyIndicator);
    footer->addWidget(m_statusLabel, 1);
    footer->addWidget(m_buttons);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(28, 24, 28, 20);
    layout->setSpacing(18);
    layout->addLayout(header);
    layout->addLayout(form);
    layout->addWidget(m_messageLabel);
    layout->addStretch();
    layout->addLayout(footer);

    setMinimumWidth(460);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &LoginDialog::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, [this] {
        if (m_busy)
            Q_EMIT cancelRequested();
        reject();
    });
    for (QLineEdit *edit : {m_serverEdit, m_emailEdit, m_passwordEdit}) {
        connect(edit, &QLineEdit::textChanged, this, &LoginDialog::updateLoginButton);
        connect(edit, &QLineEdit::textEdited, this, &LoginDialog::clearMessage);
    }
    updateLoginButton();
}

QUrl LoginDialog::serverUrl() const
{
    return ApiClient::serverUrlFromUserInput(m_serverEdit->text());
}

QString LoginDialog::email() const
{
    return m_emailEdit->text().trimmed();
}

QString LoginDialog::password() const
{
    return m_passwordEdit->text();
}

void LoginDialog::setServerUrl(const QUrl &url)
{
    m_serverEdit->setText(url.toDisplayString());
}

void LoginDialog::setEmail(const QString &email)
{
    m_emailEdit->setText(email);
}

void LoginDialog::clearPassword()
{
    m_passwordEdit->clear();
}

void LoginDialog::setBusy(bool busy, const QString &status)
{
    m_busy = busy;
    for (QLineEdit *edit : {m_serverEdit, m_emailEdit, m_passwordEdit})
        edit->setReadOnly(busy);
    m_busyIndicator->setRunning(busy);
    m_statusLabel->setText(busy ? (status.isEmpty() ? tr("Logging in…") : status) : QString());
    updateLoginButton();
    if (!busy)
        focusFirstEmptyField();
}

void LoginDialog::showMessage(const QString &text)
{
    m_messageLabel->setText(text);
    m_messageLabel->setVisible(!text.isEmpty());
}

void LoginDialog::showError(const Error &error)
{
    const QUrl server = serverUrl();
    showMessage(
        ErrorMessages::forLogin(error, server.isValid() ? server : QUrl(m_serverEdit->text())));
    if (error.code == QLatin1StringView(ErrorCode::InvalidCredentials)) {
        m_passwordEdit->setFocus();
        m_passwordEdit->selectAll();
    }
}

void LoginDialog::clearMessage()
{
    showMessage({});
}

QString LoginDialog::message() const
{
    return m_messageLabel->text();
}

void LoginDialog::setClosesApplication(bool closes)
{
    m_closesApplication = closes;
    m_quitButton->setText(closes ? tr("&Quit") : tr("&Cancel"));
}

void LoginDialog::showEvent(QShowEvent *event)
{
    QDialog::showEvent(event);
    focusFirstEmptyField();
}

void LoginDialog::submit()
{
    if (m_busy || !m_loginButton->isEnabled())
        return;
    const QUrl server = serverUrl();
    if (!server.isValid()) {
        showMessage(ErrorMessages::invalidServerUrl());
        m_serverEdit->setFocus();
        m_serverEdit->selectAll();
        return;
    }
    clearMessage();
    setBusy(true);
    Q_EMIT loginRequested(server, email(), password());
}

void LoginDialog::updateLoginButton()
{
    m_loginButton->setEnabled(!m_busy && !m_serverEdit->text().trimmed().isEmpty()
                              && !m_emailEdit->text().trimmed().isEmpty()
                              && !m_passwordEdit->text().isEmpty());
}

void LoginDialog::focusFirstEmptyField()
{
    for (QLineEdit *edit : {m_serverEdit, m_emailEdit, m_passwordEdit}) {
        if (edit->text().isEmpty()) {
            edit->setFocus();
            return;
        }
    }
    m_loginButton->setFocus();
}

} // namespace Lectern::Client
