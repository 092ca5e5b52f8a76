# Packages: `cpack --config build/release/CPackConfig.cmake` after a release build.
# On Debian: two packages, lectern-server (the service) and lectern-desktop (the client), each
# installable on its own (tests/packaging/check-packages.sh builds and inspects them).
# RPM where rpmbuild exists, NSIS on Windows, DragNDrop on macOS.
set(CPACK_PACKAGE_NAME "lectern")
set(CPACK_PACKAGE_VENDOR "Lectern")
set(CPACK_PACKAGE_CONTACT "Lectern maintainers <maintainers@lectern.invalid>")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_INSTALL_DIRECTORY "Lectern")
set(CPACK_RESOURCE_FILE_README "${PROJECT_SOURCE_DIR}/README.md")
set(CPACK_STRIP_FILES ON)

set(CPACK_COMPONENTS_ALL server)
if(LECTERN_BUILD_CLIENT)
    list(APPEND CPACK_COMPONENTS_ALL desktop)
endif()
set(CPACK_COMPONENT_SERVER_DISPLAY_NAME "Lectern server")
set(CPACK_COMPONENT_DESKTOP_DISPLAY_NAME "Lectern desktop client")

# On Debian each package's first description line is its synopsis. CPack puts a package-wide summary
# in front of it unless that summary is CPack's own default, which it then leaves out.
if(WIN32)
    set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Offline-first learning management")
    set(CPACK_GENERATOR "NSIS")
    set(CPACK_NSIS_DISPLAY_NAME "Lectern")
    set(CPACK_NSIS_PACKAGE_NAME "Lectern")
elseif(APPLE)
    set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Offline-first learning management")
    set(CPACK_GENERATOR "DragNDrop")
else()
    set(CPACK_GENERATOR "DEB")
    set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${CMAKE_PROJECT_NAME} built using CMake")
    find_program(LECTERN_RPMBUILD rpmbuild)
    if(LECTERN_RPMBUILD)
        list(APPEND CPACK_GENERATOR "RPM")
        set(CPACK_RPM_COMPONENT_INSTALL ON)
        set(CPACK_RPM_PACKAGE_LICENSE "Proprietary")
    endif()
    set(CPACK_DEB_COMPONENT_INSTALL ON)
    set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
    set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
    set(CPACK_DEBIAN_PACKAGE_SECTION "education")
    set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
    set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://lectern.invalid/")

    set(CPACK_DEBIAN_SERVER_PACKAGE_NAME "lectern-server")
    set(CPACK_DEBIAN_SERVER_PACKAGE_SECTION "net")
    # Qt loads its SQL drivers as plugins, which dpkg-shlibdeps cannot see: SQLite is the default
    # database; PostgreSQL is for production and several server processes.
    set(CPACK_DEBIAN_SERVER_PACKAGE_DEPENDS "libqt6sql6-sqlite, adduser, tzdata")
    set(CPACK_DEBIAN_SERVER_PACKAGE_SUGGESTS "libqt6sql6-psql, postgresql, sqlite3")
    set(CPACK_DEBIAN_SERVER_DESCRIPTION
        "Offline-first learning management: the server
Lectern is a learning-management suite for schools that cannot count on a
network. This package holds lectern-server, the headless HTTP and WebSocket
server that the Lectern desktop clients sync with.

It installs a hardened systemd service that runs as the system user lectern,
keeps its SQLite database in /var/lib/lectern and listens on 127.0.0.1:8080;
put a TLS reverse proxy in front of it. PostgreSQL is supported for larger
installations (install libqt6sql6-psql).")
    set(CPACK_DEBIAN_SERVER_PACKAGE_CONTROL_EXTRA
        "${PROJECT_SOURCE_DIR}/installer/debian/server/postinst"
        "${PROJECT_SOURCE_DIR}/installer/debian/server/prerm"
        "${PROJECT_SOURCE_DIR}/installer/debian/server/postrm")
    set(CPACK_DEBIAN_SERVER_PACKAGE_CONTROL_STRICT_PERMISSION ON)

    set(CPACK_DEBIAN_DESKTOP_PACKAGE_NAME "lectern-desktop")
    # Plugins again: SVG icons, the local SQLite store, the X11 and Wayland window-system plugins.
    set(CPACK_DEBIAN_DESKTOP_PACKAGE_DEPENDS
        "libqt6svg6, libqt6sql6-sqlite, qt6-qpa-plugins | qt6-wayland")
    # Qt's own words (the standard buttons' Cancel, Yes, Save) in the person's language.
    set(CPACK_DEBIAN_DESKTOP_PACKAGE_RECOMMENDS "qt6-translations-l10n")
    set(CPACK_DEBIAN_DESKTOP_DESCRIPTION
        "Offline-first learning management: the desktop client
Lectern is a learning-management suite for schools that cannot count on a
network. With this client instructors author courses and students study,
online or offline: it keeps what it needs in a local database and syncs with
a Lectern server when it can, without losing anyone's work.")
endif()

if(UNIX AND NOT APPLE)
    include(GNUInstallDirs)
    # Debian 12 keeps system units in /lib/systemd/system.
    install(FILES "${PROJECT_SOURCE_DIR}/resources/lectern-server.service"
            DESTINATION /lib/systemd/system COMPONENT server)
    install(FILES "${PROJECT_SOURCE_DIR}/resources/lectern-server.conf.example"
            DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/lectern-server/examples COMPONENT server)
    install(FILES "${PROJECT_SOURCE_DIR}/resources/lectern-desktop.desktop"
            DESTINATION ${CMAKE_INSTALL_DATADIR}/applications COMPONENT desktop)
    install(FILES "${PROJECT_SOURCE_DIR}/resources/icons/lectern.svg"
            DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps COMPONENT desktop)

    # What Debian asks of every package: a copyright file and a changelog, gzipped the way lintian
    # expects (-9, no timestamp).
    foreach(package IN ITEMS lectern-server lectern-desktop)
        set(doc_dir "${CMAKE_BINARY_DIR}/installer/${package}")
        file(MAKE_DIRECTORY "${doc_dir}")
        file(READ "${PROJECT_SOURCE_DIR}/installer/debian/changelog.in" changelog)
        string(REPLACE "@PACKAGE@" "${package}" changelog "${changelog}")
        string(REPLACE "@VERSION@" "${PROJECT_VERSION}" changelog "${changelog}")
        file(WRITE "${doc_dir}/changelog" "${changelog}")
        file(REMOVE "${doc_dir}/changelog.gz")
        execute_process(COMMAND gzip -9nf "${doc_dir}/changelog")
        string(REPLACE "lectern-" "" component "${package}")
        install(FILES "${PROJECT_SOURCE_DIR}/installer/debian/copyright" "${doc_dir}/changelog.gz"
                DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/${package} COMPONENT ${component})
        configure_file("${PROJECT_SOURCE_DIR}/resources/man/${package}.1" "${doc_dir}/${package}.1"
                       COPYONLY)
        execute_process(COMMAND gzip -9nf "${doc_dir}/${package}.1")
        install(FILES "${doc_dir}/${package}.1.gz" DESTINATION ${CMAKE_INSTALL_MANDIR}/man1
                COMPONENT ${component})
    endforeach()
endif()

include(CPack)
