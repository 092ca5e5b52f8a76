# Packages: `cpack --config build/release/CPackConfig.cmake` after a release build.
# DEB on Linux (RPM where rpmbuild exists), NSIS on Windows, DragNDrop on macOS.
set(CPACK_PACKAGE_NAME "lectern")
set(CPACK_PACKAGE_VENDOR "Lectern")
set(CPACK_PACKAGE_CONTACT "Lectern maintainers <maintainers@lectern.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Offline-first learning management: server and desktop client")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_INSTALL_DIRECTORY "Lectern")
set(CPACK_RESOURCE_FILE_README "${PROJECT_SOURCE_DIR}/README.md")

if(WIN32)
    set(CPACK_GENERATOR "NSIS")
    set(CPACK_NSIS_DISPLAY_NAME "Lectern")
    set(CPACK_NSIS_PACKAGE_NAME "Lectern")
elseif(APPLE)
    set(CPACK_GENERATOR "DragNDrop")
else()
    set(CPACK_GENERATOR "DEB")
    find_program(LECTERN_RPMBUILD rpmbuild)
    if(LECTERN_RPMBUILD)
        list(APPEND CPACK_GENERATOR "RPM")
    endif()
    set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
    set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
    set(CPACK_DEBIAN_PACKAGE_SECTION "education")
    set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6sql6-sqlite, libqt6sql6-psql")
    set(CPACK_RPM_PACKAGE_LICENSE "Proprietary")
endif()

if(UNIX AND NOT APPLE)
    include(GNUInstallDirs)
    install(FILES "${PROJECT_SOURCE_DIR}/resources/lectern-server.service"
            DESTINATION lib/systemd/system OPTIONAL)
    install(FILES "${PROJECT_SOURCE_DIR}/resources/lectern-desktop.desktop"
            DESTINATION ${CMAKE_INSTALL_DATADIR}/applications OPTIONAL)
    install(FILES "${PROJECT_SOURCE_DIR}/resources/icons/lectern.svg"
            DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps OPTIONAL)
endif()

include(CPack)
