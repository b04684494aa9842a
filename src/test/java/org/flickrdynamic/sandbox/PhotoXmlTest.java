package org.flickrdynamic.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PhotoXmlTest {
    private static final DataSet DATA = DataSet.generate(DataSet.DEFAULT_SEED);

    private static String listed(PhotoXml xml, Photo p, String extras) {
        Xml out = new Xml(256);
        xml.write(out, p, PhotoXml.extras(extras));
        return out.toString();
    }

    @Test
    void aPhotoListedAgainWithOtherExtrasCarriesExactlyThoseExtras() {
        PhotoXml xml = new PhotoXml(false);
        Photo p = DATA.photos.get(0);
        String plain = listed(xml, p, null);
        String withUrl = listed(xml, p, "url_m,owner_name");
        String withDescription = listed(xml, p, "description");
        assertEquals(plain, listed(xml, p, ""), "no extras twice: the same element");
        assertEquals(withUrl, listed(xml, p, "owner_name,url_m"), "the order of the names does not matter");
        assertFalse(plain.contains("url_m=") || plain.contains("ownername=") || plain.contains("<description>"));
        assertTrue(withUrl.contains(" url_m=\"") && withUrl.contains(" ownername=\"") && withUrl.endsWith(" />"));
        assertTrue(withDescription.contains("<description>") && !withDescription.contains("url_m="));
        assertEquals(plain, listed(xml, p, "no_such_extra"), "unknown extras are ignored");
        assertTrue(plain.startsWith("<photo id=\"" + p.id() + "\" owner=\"" + p.owner().nsid() + "\""), plain);
    }

    @Test
    void aChangedPhotoIsWrittenAnew() {
        PhotoXml xml = new PhotoXml(false);
        Photo p = DATA.photos.get(1);
        String before = listed(xml, p, "owner_name");
        Photo renamed = new Photo(p.id(), p.owner(), p.secret(), p.server(), p.farm(), "A new title", p.description(),
                p.tags(), p.rawTags(), p.isPublic(), p.isFriend(), p.isFamily(), p.uploaded(), p.taken(), p.views());
        String after = listed(xml, renamed, "owner_name");
        assertTrue(after.contains("title=\"A new title\""), after);
        assertFalse(before.contains("A new title"));
    }
}
