package dev.portside.owner;

import java.time.Duration;

/**
 * One container as {@code GET /containers/ID/json} describes it right now.
 *
 * @param id the full id
 * @param name the name, without the leading slash
 * @param image the image as configured
 * @param status "running", "exited", "paused", …
 * @param running true while it runs
 * @param grace how long the engine waits for it to end before it kills it (its StopTimeout, else 10 s)
 */
public record ContainerState(String id, String name, String image, String status, boolean running, Duration grace) {
}
