package dev.flinkedge.connectors.testutil;

import org.opentest4j.TestAbortedException;

/**
 * A test skipped because a file it needs is missing ({@link TestFiles#require}); carries the file's
 * name and its fix so that {@link MissingFilesReport} can list them once per file.
 */
public final class MissingFileAbort extends TestAbortedException {

    private static final long serialVersionUID = 1L;

    private final String name;
    private final String fix;

    MissingFileAbort(String name, String fix, String message) {
        super(message);
        this.name = name;
        this.fix = fix;
    }

    /** What the missing file is. */
    public String name() {
        return name;
    }

    /** How to get the missing file. */
    public String fix() {
        return fix;
    }
}
