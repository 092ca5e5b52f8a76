#pragma once

#include "app/servercontext.h"
#include "events/changelistener.h"
#include "events/eventhub.h"
#include "files/fileservice.h"
#include "http/apiserver.h"
#include "search/searchservice.h"
#include "services/authservice.h"
#include "services/cohortservice.h"
#include "services/courseservice.h"
#include "services/enrollmentservice.h"
#include "services/organizationservice.h"
#include "services/progressservice.h"
#include "services/releaseticker.h"
#include "services/syncservice.h"
#include "services/userservice.h"

#include <QTimer>
#include <QUrl>
#include <memory>

namespace Lectern::Server {

// A whole lectern-server: configuration, storage (migrated), services, routes and the HTTP front.
// main() and the tests build it the same way.
class Server
{
public:
    // Opens the database, applies migrations, loads the token secret and, with `demo`, makes sure
    // the demo organisation exists. Nothing listens yet.
    static Result<std::unique_ptr<Server>> create(const ServerConfig &config);
    ~Server();

    Result<quint16> listen();
    QUrl url() const;

    ServerContext &context() { return *m_context; }
    AuthService &auth() { return m_auth; }
    OrganizationService &organizations() { return m_organizations; }
    UserService &users() { return m_users; }
    CourseService &courses() { return m_courses; }
    RecordService &records() { return m_records; }
    FileService &files() { return m_files; }
    SearchService &search() { return m_search; }
    EnrollmentService &enrollments() { return m_enrollments; }
    CohortService &cohorts() { return m_cohorts; }
    SyncService &sync() { return m_sync; }
    ProgressService &progress() { return m_progress; }
    ReleaseTicker &releases() { return m_releases; }
    ApiServer &http() { return *m_http; }
    EventHub &events() { return *m_events; }

private:
    explicit Server(std::unique_ptr<ServerContext> context);
    void startEvents();

    std::unique_ptr<ServerContext> m_context;
    AuthService m_auth;
    OrganizationService m_organizations;
    UserService m_users;
    CourseService m_courses;
    RecordService m_records;
    FileService m_files;
    SearchService m_search;
    EnrollmentService m_enrollments;
    CohortService m_cohorts;
    SyncService m_sync;
    ProgressService m_progress;
    ReleaseTicker m_releases;
    std::unique_ptr<ApiServer> m_http;
    // After m_http: its connections go before the HTTP server that accepted them.
    std::unique_ptr<EventHub> m_events;
    std::unique_ptr<ChangeListener> m_changeListener; // PostgreSQL: changes of other processes
    std::unique_ptr<QTimer> m_maintenance;
};

// Routes for the services of `server`, as the HTTP front serves them.
Router buildRouter(Server &server);

} // namespace Lectern::Server
