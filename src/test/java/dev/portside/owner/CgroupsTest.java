package dev.portside.owner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code /proc/PID/cgroup} as real machines write it: cgroup v2 (Debian 12, Ubuntu 22.04, Fedora),
 * v1 (CentOS 7, Ubuntu 18.04), the hybrid of both (Ubuntu 20.04), and containers under both.
 */
class CgroupsTest {

    @Test
    void cgroupV2SystemService() {
        Cgroups.Facts f = Cgroups.parse("0::/system.slice/nginx.service\n");
        assertThat(f.unit()).isEqualTo(new ServiceUnit("nginx.service", false));
        assertThat(f.unit().stopCommand(false)).isEqualTo("sudo systemctl stop nginx");
        assertThat(f.unit().stopCommand(true)).isEqualTo("systemctl stop nginx");
        assertThat(f.inContainer()).isFalse();
    }

    @Test
    void cgroupV2TemplateInstanceInItsSlice() {
        // Debian's PostgreSQL cluster: postgresql@15-main.service in system-postgresql.slice
        Cgroups.Facts f = Cgroups.parse("0::/system.slice/system-postgresql.slice/postgresql@15-main.service\n");
        assertThat(f.unit().name()).isEqualTo("postgresql@15-main.service");
        assertThat(f.unit().stopCommand(false)).isEqualTo("sudo systemctl stop postgresql@15-main");
    }

    @Test
    void cgroupV1EveryControllerAndSystemdsOwnHierarchy() {
        // CentOS 7, nginx from EPEL
        String file = """
                11:hugetlb:/
                10:pids:/system.slice/nginx.service
                9:memory:/system.slice/nginx.service
                8:devices:/system.slice/nginx.service
                7:freezer:/
                6:perf_event:/
                5:net_prio,net_cls:/
                4:cpuacct,cpu:/system.slice/nginx.service
                3:blkio:/system.slice/nginx.service
                2:cpuset:/
                1:name=systemd:/system.slice/nginx.service
                """;
        assertThat(Cgroups.parse(file).unit()).isEqualTo(new ServiceUnit("nginx.service", false));
    }

    @Test
    void hybridV1AndV2() {
        // Ubuntu 20.04: v1 controllers, systemd's named hierarchy and the unified line
        String file = """
                12:pids:/system.slice/redis-server.service
                11:cpuset:/
                10:blkio:/system.slice/redis-server.service
                9:memory:/system.slice/redis-server.service
                8:devices:/system.slice/redis-server.service
                7:rdma:/
                6:freezer:/
                5:net_cls,net_prio:/
                4:hugetlb:/
                3:cpu,cpuacct:/system.slice/redis-server.service
                2:perf_event:/
                1:name=systemd:/system.slice/redis-server.service
                0::/system.slice/redis-server.service
                """;
        assertThat(Cgroups.parse(file).unit().name()).isEqualTo("redis-server.service");
    }

    @Test
    void userUnitBelowTheUsersManager() {
        Cgroups.Facts f = Cgroups.parse("0::/user.slice/user-1000.slice/user@1000.service/app.slice/shop-dev.service\n");
        assertThat(f.unit()).isEqualTo(new ServiceUnit("shop-dev.service", true));
        assertThat(f.unit().stopCommand(false)).isEqualTo("systemctl --user stop shop-dev");
    }

    @Test
    void terminalsLoginSessionsAndTheUserManagerAreNoService() {
        // a dev server started in GNOME Terminal, one started over SSH, and systemd --user itself
        assertThat(Cgroups.parse("0::/user.slice/user-1000.slice/user@1000.service/app.slice/"
                + "app-org.gnome.Terminal.slice/vte-spawn-0d6a3b8e-3f0e-4c51-9d55-2a4f5f0b8f55.scope\n").unit()).isNull();
        assertThat(Cgroups.parse("0::/user.slice/user-1000.slice/session-4.scope\n").unit()).isNull();
        assertThat(Cgroups.parse("0::/user.slice/user-1000.slice/user@1000.service/init.scope\n").unit()).isNull();
        assertThat(Cgroups.parse("0::/init.scope\n").unit()).isNull();
        assertThat(Cgroups.parse("0::/\n")).isEqualTo(Cgroups.Facts.NONE);
        assertThat(Cgroups.parse("")).isEqualTo(Cgroups.Facts.NONE);
    }

    @Test
    void dockerContainerUnderCgroupV1AsOnThisBuildMachine() {
        // recorded here: busybox httpd in `docker run`, dockerd 20.10 with the cgroupfs driver
        String id = "dcf73a65ba4331a7da00a066d62db2e17a9b39c3e54de73349b6d734dcfd6d9d";
        String file = """
                9:name=systemd:/docker/ID
                8:pids:/docker/ID
                7:blkio:/docker/ID
                6:freezer:/docker/ID
                5:devices:/docker/ID
                4:memory:/docker/ID
                3:cpuset:/docker/ID
                2:cpuacct:/docker/ID
                1:cpu:/docker/ID
                0::/docker/ID
                """.replace("ID", id);
        Cgroups.Facts f = Cgroups.parse(file);
        assertThat(f.containerId()).isEqualTo(id);
        assertThat(f.runtime()).isEqualTo("docker");
        assertThat(f.unit()).isNull();
    }

    @Test
    void dockerAndPodmanContainersWithTheSystemdDriver() {
        String id = "4f1e2a9c0b3d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f";
        Cgroups.Facts docker = Cgroups.parse("0::/system.slice/docker-" + id + ".scope\n");
        assertThat(docker.containerId()).isEqualTo(id);
        assertThat(docker.runtime()).isEqualTo("docker");
        assertThat(docker.unit()).isNull();
        Cgroups.Facts podman = Cgroups.parse("0::/machine.slice/libpod-" + id + ".scope/container\n");
        assertThat(podman.containerId()).isEqualTo(id);
        assertThat(podman.runtime()).isEqualTo("podman");
        Cgroups.Facts rootless = Cgroups.parse("0::/user.slice/user-1000.slice/user@1000.service/user.slice/libpod-"
                + id + ".scope/container\n");
        assertThat(rootless.containerId()).isEqualTo(id);
        assertThat(rootless.unit()).isNull();
        Cgroups.Facts kube = Cgroups.parse("0::/kubepods.slice/kubepods-besteffort.slice/kubepods-besteffort-pod"
                + "0d6a3b8e_3f0e_4c51_9d55_2a4f5f0b8f55.slice/cri-containerd-" + id + ".scope\n");
        assertThat(kube.containerId()).isEqualTo(id);
        assertThat(kube.runtime()).isEqualTo("containerd");
    }

    @Test
    void aCgroupV1ContainerBelowDockersOwnServiceIsTheContainerNotDockerd() {
        String id = "4f1e2a9c0b3d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f";
        Cgroups.Facts f = Cgroups.parse("1:name=systemd:/system.slice/docker.service/" + id + "\n");
        assertThat(f.containerId()).isEqualTo(id);
        assertThat(f.unit()).isNull();
        // dockerd itself and docker-proxy run in docker.service
        assertThat(Cgroups.parse("0::/system.slice/docker.service\n").unit().name()).isEqualTo("docker.service");
    }

    @Test
    void thisMachinesOwnCgroupParses() throws Exception {
        String own = java.nio.file.Files.exists(java.nio.file.Path.of("/proc/self/cgroup"))
                ? java.nio.file.Files.readString(java.nio.file.Path.of("/proc/self/cgroup")) : "";
        Cgroups.Facts f = Cgroups.parse(own); // whatever it is, it must not throw
        assertThat(f).isNotNull();
    }

    @Test
    void namesThatAlmostLookLikeContainersOrTheUsersManagerAreNot() {
        String id = "dcf73a65ba4331a7da00a066d62db2e17a9b39c3e54de73349b6d734dcfd6d9d";
        assertThat(Cgroups.parse("0::/system.slice/crio-" + id + ".scope\n").containerId()).isEqualTo(id);
        for (String near : List.of("docker-" + id.substring(1) + ".scope", "docker-" + id + "0.scope",
                "docker-" + id.toUpperCase(java.util.Locale.ROOT) + ".scope", "dockerx" + id + ".scope",
                "docker-" + id + ".scopes", "podman-" + id + ".scope", id.substring(1), id + "0",
                id.replace('d', 'g'), "libpod-" + id.substring(2))) {
            assertThat(Cgroups.parse("0::/system.slice/" + near + "\n").containerId()).as(near).isEmpty();
        }
        // only user@DIGITS.service is the user's manager: below anything else a unit is a system unit
        assertThat(Cgroups.parse("0::/user.slice/user@1000.service/app.slice/a.service\n").unit().userUnit()).isTrue();
        for (String near : List.of("user@.service", "user@10x0.service", "users@1000.service", "user@1000.services")) {
            assertThat(Cgroups.parse("0::/user.slice/" + near + "/app.slice/a.service\n").unit().userUnit()).as(near).isFalse();
        }
        assertThat(Cgroups.parse("0::/user.slice/user@1000.service\n").unit()).isNull();
        assertThat(Cgroups.parse("0::/user.slice/user@x.service\n").unit().name()).isEqualTo("user@x.service");
    }
}
