package dev.flinkedge.jobs.cli.registry;

import dev.flinkedge.registry.model.InvalidFieldException;
import dev.flinkedge.registry.model.StreamRef;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads an {@code OWNER/NAME} stream reference such as {@code city-a/VideoStream}. */
final class StreamRefConverter implements ITypeConverter<StreamRef> {

    @Override
    public StreamRef convert(String value) {
        try {
            return StreamRef.parse(value);
        } catch (InvalidFieldException e) {
            throw new TypeConversionException(
                    "'"
                            + value
                            + "' is not an OWNER/NAME stream"
                            + " reference like city-a/VideoStream: "
                            + e.getMessage());
        }
    }
}
