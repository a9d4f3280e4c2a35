package dev.portside.knowledge;

import java.util.Optional;

/**
 * The port forward a {@code docker-proxy} process performs, read from its arguments
 * ({@code -proto tcp -host-ip 0.0.0.0 -host-port 8080 -container-ip 172.17.0.2 -container-port 80}).
 *
 * @param hostIp the address on this computer ("" when not given)
 * @param hostPort the port on this computer
 * @param containerIp the container's address ("" when not given)
 * @param containerPort the port inside the container
 */
public record DockerForward(String hostIp, int hostPort, String containerIp, int containerPort) {

    /** The forward described by a docker-proxy command line, if it names the container port. */
    public static Optional<DockerForward> parse(String commandLine) {
        String[] args = commandLine.strip().split("\\s+");
        String hostIp = "";
        String containerIp = "";
        int hostPort = -1;
        int containerPort = -1;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String value;
            String flag;
            int eq = a.indexOf('=');
            if (eq > 0) {
                flag = a.substring(0, eq);
                value = a.substring(eq + 1);
            } else if (i + 1 < args.length) {
                flag = a;
                value = args[i + 1];
            } else {
                continue;
            }
            flag = flag.replaceFirst("^--?", "");
            switch (flag) {
                case "host-ip" -> hostIp = value;
                case "host-port" -> hostPort = parsePort(value);
                case "container-ip" -> containerIp = value;
                case "container-port" -> containerPort = parsePort(value);
                default -> {
                    // other flags (-proto, -use-listen-fd) do not matter here
                }
            }
        }
        if (containerPort < 0) {
            return Optional.empty();
        }
        return Optional.of(new DockerForward(hostIp, hostPort, containerIp, containerPort));
    }

    private static int parsePort(String text) {
        try {
            int p = Integer.parseInt(text);
            return p >= 0 && p <= 65535 ? p : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
