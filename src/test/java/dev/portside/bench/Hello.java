package dev.portside.bench;

/** A hello-world program: the peer of {@code portside --version} in {@link CliBenchmark}. */
public final class Hello {

    private Hello() {
    }

    public static void main(String[] args) {
        System.out.println("hello");
    }
}
