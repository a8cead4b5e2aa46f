package dev.teardown.benchmarks;

import java.util.List;

/**
 * The status document as plain Jackson data binding sees it: the baseline the domain reader is
 * measured against. It keeps timestamps as text and checks nothing, which the domain reader does not.
 */
record StatusDto(String completedAt, ResourceDto droplet, Integer failures, ResourcesDto resources) {

    record ResourceDto(String id, String name, String destroyedAt, String errorMessage) {
    }

    record ResourcesDto(
            List<ResourceDto> floatingIps,
            List<ResourceDto> reservedIps,
            List<ResourceDto> snapshots,
            List<ResourceDto> volumes,
            List<ResourceDto> volumeSnapshots) {
    }
}
