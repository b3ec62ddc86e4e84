package cn.smartunion.membership.enrolment.application;

import java.io.IOException;
import java.io.InputStream;

/** An uploaded roster file; its bytes can be read more than once. */
public interface RosterUpload {

    String fileName();

    long size();

    InputStream open() throws IOException;
}
