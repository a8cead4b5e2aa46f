package dev.teardown.cli;

import dev.teardown.domain.DropletId;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads the DROPLET_ID argument, with the domain's own message for a bad one. */
final class DropletIds implements ITypeConverter<DropletId> {

    @Override
    public DropletId convert(String text) {
        try {
            return DropletId.parse(text);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
