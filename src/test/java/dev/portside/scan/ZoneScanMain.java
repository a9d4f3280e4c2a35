package dev.portside.scan;

import dev.portside.action.UrlBuilder;
import dev.portside.core.IpAddress;
import dev.portside.core.ListeningSocket;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/**
 * Child of {@link LinkLocalZonesTest}, run in a network namespace with interfaces d1 and d2: listens
 * on fe80::1 on both (port 8080) and on fe80::2 on d1 only (port 8081), then prints what each
 * scanner sees on those ports, one line per socket: {@code scanner key pids url}.
 */
public final class ZoneScanMain {

    private ZoneScanMain() {
    }

    public static void main(String[] args) throws Exception {
        List<ServerSocket> mine = new ArrayList<>();
        mine.add(listen("fe80::1", "d1", 8080));
        mine.add(listen("fe80::1", "d2", 8080));
        mine.add(listen("fe80::2", "d1", 8081));
        UrlBuilder urls = new UrlBuilder();
        for (PortScanner scanner : List.of(LinuxPortScanner.netlink(), LinuxPortScanner.procNet(),
                new OshiPortScanner())) {
            try (scanner) {
                for (ListeningSocket s : scanner.scan().sockets()) {
                    if (s.port() == 8080 || s.port() == 8081) {
                        System.out.println(scanner.name() + " " + s.key() + " " + s.owners().size() + " "
                                + urls.url(s).orElse("-"));
                    }
                }
            }
        }
        for (ServerSocket s : mine) {
            s.close();
        }
    }

    private static ServerSocket listen(String address, String device, int port) throws Exception {
        ServerSocket s = new ServerSocket();
        s.bind(new InetSocketAddress(Inet6Address.getByAddress(null, IpAddress.parse(address).bytes(),
                NetworkInterface.getByName(device)), port));
        return s;
    }
}
