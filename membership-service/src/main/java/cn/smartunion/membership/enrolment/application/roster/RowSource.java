package cn.smartunion.membership.enrolment.application.roster;

import java.io.Closeable;
import java.io.IOException;

/** Rows of a roster, read one at a time: memory stays bounded whatever the file's length. */
public interface RowSource extends Closeable {

    /** The next row, blank ones included; null after the last. */
    RawRow next() throws IOException;
}
