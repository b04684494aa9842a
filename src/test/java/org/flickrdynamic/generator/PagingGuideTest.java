package org.flickrdynamic.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.flickrdynamic.table.Paging;
import org.junit.jupiter.api.Test;

class PagingGuideTest {
    private static Paging of(String sexpr) {
        return PagingGuide.fromExample(XexprReader.readPayload(sexpr, "t", 1));
    }

    @Test
    void findsTheListAndItsRepeatedChild() {
        assertEquals(new Paging("photos", "photo"),
                of("((photos ((page \"1\") (pages \"3\") (perpage \"2\") (total \"6\")) (photo ((id \"1\"))) (photo ((id \"2\")))))"));
    }

    @Test
    void looksInsideWrappers() {
        assertEquals(new Paging("members", "member"),
                of("((group ((id \"1\")) (members ((page \"1\") (total \"2\")) (member ()) (member ()) \"text\")))"));
    }

    @Test
    void anyPagingAttributeWillDo() {
        assertEquals(new Paging("photos", "photo"), of("((photos ((panda \"ling ling\") (total \"120\")) (photo ()) (photo ())))"));
    }

    @Test
    void theMostFrequentChildIsTheItem() {
        assertEquals(new Paging("domain", "referrer"),
                of("((domain ((page \"1\") (name \"flickr.com\")) (summary ()) (referrer ()) (referrer ())))"));
    }

    @Test
    void noListOrNoItemsMeansUnknown() {
        assertNull(of("((items () (item ()) (item ())))"));
        assertNull(of("((photos ((page \"1\") (total \"0\"))))"));
    }
}
