package cn.smartunion.runtime.events;

/** A record that can never be processed as it is: retrying will not help, it belongs on the dead-letter topic. */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message) {
        super(message);
    }
}
