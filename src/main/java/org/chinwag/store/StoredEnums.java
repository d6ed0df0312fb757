package org.chinwag.store;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jooq.Converter;

/**
 * How the enums the service works in are written to their text columns and read back: each value
 * as its id, the generated classes left as plain strings. A stored id no value has fails the read
 * with an {@link IllegalStateException} naming it, never passing on as something else.
 */
final class StoredEnums {

    static final Converter<String, MessageStatus> MESSAGE_STATUS = converter(MessageStatus.class, MessageStatus::id);
    static final Converter<String, Direction> DIRECTION = converter(Direction.class, Direction::id);
    static final Converter<String, TagSource> TAG_SOURCE = converter(TagSource.class, TagSource::id);
    static final Converter<String, Consent> CONSENT = converter(Consent.class, Consent::id);

    private StoredEnums() {}

    private static <E extends Enum<E>> Converter<String, E> converter(Class<E> type, Function<E, String> id) {
        Map<String, E> byId = Arrays.stream(type.getEnumConstants()).collect(Collectors.toMap(id, e -> e));
        return Converter.ofNullable(String.class, type, stored -> {
            E value = byId.get(stored);
            if (value == null) {
                throw new IllegalStateException("unknown " + type.getSimpleName() + " in the database: '" + stored
                        + "' (known: " + String.join(", ", byId.keySet().stream().sorted().toList()) + ")");
            }
            return value;
        }, id);
    }
}
