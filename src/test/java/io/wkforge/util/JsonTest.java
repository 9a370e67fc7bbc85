package io.wkforge.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {
    @Test
    void writtenJsonReadsBackEqual() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", "a \"quoted\"\nline\t\u0001");
        m.put("n", 42L);
        m.put("x", 0.125);
        m.put("list", List.of(1L, "two", true, false));
        m.put("empty", Map.of());
        m.put("none", null);
        assertEquals(m, Json.read(Json.write(m)));
        assertEquals(m, Json.read(Json.writeCompact(m)));
    }

    @Test
    void nonFiniteNumbersBecomeNull() {
        assertEquals("[null,null]", Json.writeCompact(List.of(Double.NaN, Float.POSITIVE_INFINITY)));
    }

    @Test
    void malformedTextNamesTheOffset() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Json.read("{\"a\": [1, 2}"));
        assertEquals("expected ']' at offset 11", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Json.read("[1] x"));
        assertThrows(IllegalArgumentException.class, () -> Json.read("\"open"));
    }
}
