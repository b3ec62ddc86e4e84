package cn.smartunion.statistics.metrics.domain;

/** The text names no period this service knows; the message says which forms it accepts. */
public class InvalidPeriodException extends IllegalArgumentException {

    public InvalidPeriodException(String message) {
        super(message);
    }
}
