package io.wkforge.util;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class JsonFieldsTest {
    private static final String DOC = """
            {"n": 3, "x": 0.5, "s": "rgb", "b": true, "input": {"std": [1, 2.5, 3], "shape": [1, 3, 32, 32]},
             "classes": [{"id": 1}, {"id": "two"}]}
            """;

    @Test
    void typedFieldsReadAsWritten() {
        JsonFields f = JsonFields.parse(DOC);
        assertEquals(3, f.integer("n"));
        assertEquals(0.5, f.number("x"));
        assertEquals("rgb", f.string("s"));
        assertTrue(f.bool("b"));
        assertArrayEquals(new double[] {1, 2.5, 3}, f.object("input").numbers("std", 3));
        assertArrayEquals(new int[] {1, 3, 32, 32}, f.object("input").integers("shape", 4));
        assertEquals("fallback", f.string("absent", "fallback"));
        assertEquals(List.of("n", "x", "s", "b", "input", "classes"), f.keys());
        assertEquals(1, f.objects("classes").get(0).integer("id"));
    }

    @Test
    void aWrongFieldIsNamedByItsPath() {
        JsonFields f = JsonFields.parse(DOC);
        assertEquals("`x` is not a whole number", assertThrows(JsonFields.Bad.class, () -> f.integer("x")).getMessage());
        assertEquals("`input.std` is not a list of 2 numbers", assertThrows(JsonFields.Bad.class, () -> f.object("input").numbers("std", 2)).getMessage());
        assertEquals("`classes[1].id` is not a number", assertThrows(JsonFields.Bad.class, () -> f.objects("classes").get(1).integer("id")).getMessage());
        assertEquals("`missing` is missing (expected a string)", assertThrows(JsonFields.Bad.class, () -> f.string("missing")).getMessage());
        assertEquals("`s` is not true or false", assertThrows(JsonFields.Bad.class, () -> f.bool("s", false)).getMessage());
        assertTrue(assertThrows(JsonFields.Bad.class, () -> JsonFields.parse("{\"a\": ")).getMessage().startsWith("not valid JSON: "));
        assertEquals("not a JSON object", assertThrows(JsonFields.Bad.class, () -> JsonFields.parse("[1]")).getMessage());
    }

    @Test
    void findLeavesAGapForWhatIsMissingOrOfAnotherType() {
        JsonFields f = JsonFields.parse(DOC);
        assertEquals(3L, f.find("n", Number.class));
        assertNull(f.find("s", Number.class));
        assertNull(f.find("absent", String.class));
    }
}
