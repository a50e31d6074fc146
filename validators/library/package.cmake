# What `cmake --install` puts beside the cprokit program for C++ programs
# that lint in process: libcprokit.so, its one header and the config that
# find_package(cprokit) reads. Component "library"; the program and its data
# stay in the default component.
include(CMakePackageConfigHelpers)

set(CPROKIT_CMAKE_DIR "${CMAKE_INSTALL_LIBDIR}/cmake/cprokit")

install(TARGETS cprokit_library EXPORT cprokitTargets
        LIBRARY DESTINATION "${CMAKE_INSTALL_LIBDIR}" COMPONENT library
                NAMELINK_COMPONENT library
        INCLUDES DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}")
install(FILES "${PROJECT_SOURCE_DIR}/validators/include/cprokit/lint.hpp"
        DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}/cprokit" COMPONENT library)
install(EXPORT cprokitTargets NAMESPACE cprokit:: DESTINATION "${CPROKIT_CMAKE_DIR}"
        COMPONENT library)

configure_package_config_file("${CMAKE_CURRENT_LIST_DIR}/cprokitConfig.cmake.in"
                              "${PROJECT_BINARY_DIR}/cprokitConfig.cmake"
                              INSTALL_DESTINATION "${CPROKIT_CMAKE_DIR}")
# Before 1.0 a minor version may change the API, as the SONAME says.
if(PROJECT_VERSION_MAJOR EQUAL 0)
  set(cprokit_compatibility SameMinorVersion)
else()
  set(cprokit_compatibility SameMajorVersion)
endif()
write_basic_package_version_file("${PROJECT_BINARY_DIR}/cprokitConfigVersion.cmake"
                                 COMPATIBILITY ${cprokit_compatibility})
install(FILES "${PROJECT_BINARY_DIR}/cprokitConfig.cmake"
              "${PROJECT_BINARY_DIR}/cprokitConfigVersion.cmake"
        DESTINATION "${CPROKIT_CMAKE_DIR}" COMPONENT library)
