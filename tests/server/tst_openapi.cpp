// The served API description is the contract outside clients are written against: it must
// describe exactly the routes the server has, and be valid OpenAPI by a standard validator.
#include "httpclient.h"
#include "testserver.h"

#include <QJsonDocument>
#include <QProcess>
#include <QSet>
#include <QTemporaryFile>
#include <QTest>

using namespace Lectern;
using namespace Lectern::Test;

class TestOpenApi : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;
    QByteArray m_document;
    QJsonObject m_spec;

private Q_SLOTS:
    void initTestCase()
    {
        m_server = std::make_unique<TestServer>(TestServer::Options {false, {}});
        LECTERN_START_SERVER(*m_server);
        HttpClient client(m_server->url());
        const HttpResult result = client.get(QStringLiteral("/api/v1/openapi.json"));
        QCOMPARE(result.status, 200);
        QCOMPARE(result.header("content-type"), QByteArray("application/json"));
        m_document = result.body;
        m_spec = result.json;
        QVERIFY(!m_spec.isEmpty());
    }

    void isOpenApi3()
    {
        QVERIFY(m_spec.value(u"openapi").toString().startsWith(u"3."));
        QVERIFY(!m_spec.value(u"info").toObject().value(u"title").toString().isEmpty());
    }

    void describesExactlyTheRoutesThatExist()
    {
        QSet<QString> documented;
        const QJsonObject paths = m_spec.value(u"paths").toObject();
        for (auto path = paths.begin(); path != paths.end(); ++path) {
            QString pattern = path.key();
            pattern.replace(QStringLiteral("{id}"), QStringLiteral(":id"));
            const QJsonObject operations = path.value().toObject();
            for (auto op = operations.begin(); op != operations.end(); ++op) {
                const QString method = op.key().toUpper();
                if (method == u"PARAMETERS" || method == u"SUMMARY" || method == u"DESCRIPTION")
                    continue;
                documented.insert(method + u' ' + pattern);
            }
        }
        QSet<QString> served;
        for (const Server::Route &route : m_server->server().http().router().routes())
            served.insert(QString::fromLatin1(route.method) + u' ' + route.pattern);

        const QSet<QString> undocumented = served - documented;
        const QSet<QString> phantom = documented - served;
        QVERIFY2(undocumented.isEmpty(),
                 qPrintable(QStringLiteral("not in openapi.json: ")
                            + QStringList(undocumented.values()).join(u", ")));
        QVERIFY2(phantom.isEmpty(),
                 qPrintable(QStringLiteral("documented but not served: ")
                            + QStringList(phantom.values()).join(u", ")));
    }

    void everyOperationIsNamedAndAnswers()
    {
        QSet<QString> ids;
        const QJsonObject paths = m_spec.value(u"paths").toObject();
        for (auto path = paths.begin(); path != paths.end(); ++path) {
            const QJsonObject operations = path.value().toObject();
            for (auto op = operations.begin(); op != operations.end(); ++op) {
                if (!op.value().isObject() || op.key() == u"parameters")
                    continue;
                const QJsonObject operation = op.value().toObject();
                const QString id = operation.value(u"operationId").toString();
                QVERIFY2(!id.isEmpty(), qPrintable(path.key()));
                QVERIFY2(!ids.contains(id), qPrintable(id));
                ids.insert(id);
                QVERIFY2(!operation.value(u"responses").toObject().isEmpty(), qPrintable(id));
            }
        }
    }

    void passesAStandardValidator()
    {
        const QString script
            = QStringLiteral(LECTERN_SOURCE_DIR "/tests/server/validate-openapi.sh");
        QVERIFY2(QFile::exists(script), qPrintable(script));
        QTemporaryFile file;
        QVERIFY(file.open());
        file.write(m_document);
        file.flush();
        QProcess validator;
        validator.setProcessChannelMode(QProcess::MergedChannels);
        validator.start(QStringLiteral("bash"), {script, file.fileName()});
        QVERIFY(validator.waitForFinished(120000));
        const QByteArray output = validator.readAll();
        QVERIFY2(validator.exitStatus() == QProcess::NormalExit && validator.exitCode() == 0,
                 output.constData());
    }
};

QTEST_GUILESS_MAIN(TestOpenApi)
#include "tst_openapi.moc"
