package org.flickrdynamic.internal.response;

import java.util.Iterator;
import java.util.List;
import java.util.function.BiConsumer;

import org.dom4j.Attribute;
import org.dom4j.Element;
import org.dom4j.QName;
import org.dom4j.tree.DefaultElement;
import org.flickrdynamic.internal.response.PrettyDocumentFactory.PrettyAttribute;

/**
 * A parsed element that keeps its attributes as names and values, and makes their {@link Attribute} objects
 * only when something asks for one. A 500-photo page is 7,500 attributes that most programs only ever read
 * with {@link #attributeValue(String)}: kept this way they cost one array of values per element, and the
 * array of names is shared by every element that has the same names in the same order.
 *
 * <p>To everything outside it, it is a {@link DefaultElement} that prints as indented XML: every method of
 * {@code DefaultElement} that reads or writes its attributes is overridden here, and makes the attributes
 * first ({@link PrettyAttribute}s, in document order, their parent set), then does what
 * {@code DefaultElement} does. Only {@link #attributeCount()} and the {@code attributeValue} methods answer
 * from the arrays, with what {@code DefaultElement} would answer; {@code dom4j}'s other code (XPath, the XML
 * writer, copies) reaches the attributes through the overridden methods.
 *
 * <p>Thread-safety: an answer may be read by several threads at once (the response cache copies its stored
 * answers from any thread, and a program may share one), and reading may make the attributes. They are
 * made under this element's lock, the list is complete before it is handed to {@code DefaultElement}, and
 * only then is {@link #values} cleared; that field is volatile, so a
 * reader that sees it cleared also sees the list, and a reader that still sees the arrays reads arrays that
 * are never written after the parser made them. Changing an element while others read it is no more safe
 * than with {@code DefaultElement}.
 */
final class LazyElement extends DefaultElement {
    private static final long serialVersionUID = 1L;

    /**
     * The attributes' names, in document order; shared with other elements, so never written. Not serialised:
     * a serialised element carries its attributes as objects (see {@link #writeReplace}).
     */
    private final transient QName[] names;
    /** Their values, position by position; null once the attributes are objects in DefaultElement's list. */
    private volatile String[] values;

    /**
     * An element named {@code qname} whose attributes are {@code names[i] = values[i]}. The arrays are the
     * caller's no longer: they are never written, and {@code names} may be shared.
     */
    LazyElement(QName qname, QName[] names, String[] values) {
        super(qname);
        if (names.length != values.length) {
            throw new IllegalArgumentException(names.length + " names for " + values.length + " values");
        }
        this.names = names;
        this.values = values;
    }

    /** Makes the attributes into objects in DefaultElement's list, once. */
    private void materialise() {
        if (values != null) {
            synchronized (this) {
                String[] v = values;
                if (v != null) {
                    if (v.length == 1) {
                        // Held alone, not in a list, as DefaultElement holds a single attribute added to it
                        // (and as SAXReader leaves it), so that every method answers as it does there.
                        super.add(new PrettyAttribute(names[0], v[0]));
                    } else {
                        List<Attribute> list = createAttributeList(v.length);
                        for (int i = 0; i < v.length; i++) {
                            Attribute a = new PrettyAttribute(names[i], v[i]);
                            a.setParent(this);
                            list.add(a);
                        }
                        super.setAttributes(list);
                    }
                    values = null; // after the attributes are in place: see the class comment
                }
            }
        }
    }

    // Answered from the arrays while there are no objects.

    @Override
    public int attributeCount() {
        String[] v = values;
        return v != null ? v.length : super.attributeCount();
    }

    @Override
    public String attributeValue(String name) {
        String[] v = values;
        if (v == null) {
            return super.attributeValue(name);
        }
        for (int i = 0; i < v.length; i++) {
            if (name.equals(names[i].getName())) { // the local name, as DefaultElement.attribute(String) matches
                return v[i];
            }
        }
        return null;
    }

    @Override
    public String attributeValue(QName qName) {
        String[] v = values;
        if (v == null) {
            return super.attributeValue(qName);
        }
        for (int i = 0; i < v.length; i++) {
            if (qName.equals(names[i])) {
                return v[i];
            }
        }
        return null;
    }

    // Everything else that DefaultElement does with its attribute field, once the attributes are objects.

    @Override
    public List<Attribute> attributes() {
        materialise();
        return super.attributes();
    }

    @Override
    public Iterator<Attribute> attributeIterator() {
        materialise();
        return super.attributeIterator();
    }

    @Override
    public Attribute attribute(int index) {
        materialise();
        return super.attribute(index);
    }

    @Override
    public Attribute attribute(String name) {
        materialise();
        return super.attribute(name);
    }

    @Override
    public Attribute attribute(QName qName) {
        materialise();
        return super.attribute(qName);
    }

    @Override
    public void add(Attribute attribute) {
        materialise();
        super.add(attribute);
    }

    @Override
    public boolean remove(Attribute attribute) {
        materialise();
        return super.remove(attribute);
    }

    // Replacing the attributes needs no objects for the old ones, which nobody can hold; the new list is in
    // place before the arrays are dropped, as when they are made.

    @Override
    public synchronized void setAttributes(List<Attribute> attributes) {
        super.setAttributes(attributes);
        values = null;
    }

    @Override
    protected synchronized void setAttributeList(List<Attribute> attributeList) {
        super.setAttributeList(attributeList);
        values = null;
    }

    @Override
    protected List<Attribute> attributeList() {
        materialise();
        return super.attributeList();
    }

    @Override
    protected List<Attribute> attributeList(int size) {
        materialise();
        return super.attributeList(size);
    }

    /**
     * Adds {@code element}'s attributes, as DefaultElement does; from another parsed element's arrays when it
     * has no objects yet, so copying it makes none. An element appended to one holding exactly its arrays is
     * left as it is: each of its attributes would only be set to the value it already has. That is a fresh
     * clone: DefaultElement's clone() copies this object shallowly, arrays included, then appends this
     * element's attributes to the copy.
     */
    @Override
    public void appendAttributes(Element element) {
        if (element instanceof LazyElement source) {
            String[] theirs = source.values;
            if (theirs != null) {
                if (theirs == values && source.names == names) {
                    return;
                }
                for (int i = 0; i < theirs.length; i++) {
                    addAttribute(source.names[i], theirs[i]);
                }
                return;
            }
        }
        super.appendAttributes(element);
    }

    /** Serialised with its attributes as objects, as a DefaultElement is, whatever was read before. */
    private Object writeReplace() {
        materialise();
        return this;
    }

    /** Hands {@code each} every attribute's name and value in order, making no objects that are not made yet. */
    void forEachAttribute(BiConsumer<QName, String> each) {
        String[] v = values;
        if (v == null) {
            for (Iterator<Attribute> i = super.attributeIterator(); i.hasNext(); ) {
                Attribute a = i.next();
                each.accept(a.getQName(), a.getValue());
            }
        } else {
            for (int i = 0; i < v.length; i++) {
                each.accept(names[i], v[i]);
            }
        }
    }

    /** Whether the attributes are objects yet (for tests: reading values must not make them). */
    boolean attributesMade() {
        return values == null;
    }

    @Override
    public String toString() {
        return PrettyXml.write(this);
    }
}
