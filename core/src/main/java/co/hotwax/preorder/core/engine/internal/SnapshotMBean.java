package co.hotwax.preorder.core.engine.internal;

import javax.management.Attribute;
import javax.management.AttributeList;
import javax.management.AttributeNotFoundException;
import javax.management.DynamicMBean;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanInfo;
import javax.management.MBeanOperationInfo;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A read-only MBean whose attributes are functions of a snapshot taken when they are read (one snapshot per
 * {@link #getAttributes} call, so attributes read together agree). JDK only.
 *
 * @param <S> the snapshot type
 */
public final class SnapshotMBean<S> implements DynamicMBean {
    private final Supplier<S> snapshots;
    private final Map<String, Attr<S>> attributes;
    private final MBeanInfo info;

    /** One attribute: its JMX type, description and how to read it. */
    private record Attr<S>(Class<?> type, String description, Function<S, Object> read) {
    }

    private SnapshotMBean(String description, Supplier<S> snapshots, Map<String, Attr<S>> attributes) {
        this.snapshots = snapshots;
        this.attributes = Map.copyOf(attributes);
        MBeanAttributeInfo[] infos = new MBeanAttributeInfo[attributes.size()];
        int i = 0;
        for (Map.Entry<String, Attr<S>> e : attributes.entrySet()) {
            infos[i++] = new MBeanAttributeInfo(e.getKey(), e.getValue().type().getName(), e.getValue().description(),
                    true, false, false);
        }
        this.info = new MBeanInfo(SnapshotMBean.class.getName(), description, infos, null,
                new MBeanOperationInfo[0], null);
    }

    /**
     * Starts describing an MBean.
     *
     * @param description what the MBean shows
     * @param snapshots takes a snapshot
     * @param <S> the snapshot type
     * @return the builder
     */
    public static <S> Builder<S> builder(String description, Supplier<S> snapshots) {
        return new Builder<>(description, snapshots);
    }

    @Override
    public Object getAttribute(String attribute) throws AttributeNotFoundException {
        return attr(attribute).read().apply(snapshots.get());
    }

    @Override
    public AttributeList getAttributes(String[] names) {
        S snapshot = snapshots.get();
        AttributeList list = new AttributeList();
        for (String name : names) {
            Attr<S> attr = attributes.get(name);
            if (attr != null) {
                list.add(new Attribute(name, attr.read().apply(snapshot)));
            }
        }
        return list;
    }

    @Override
    public void setAttribute(Attribute attribute) throws AttributeNotFoundException {
        throw new AttributeNotFoundException(attribute.getName() + " is read-only");
    }

    @Override
    public AttributeList setAttributes(AttributeList attributes) {
        return new AttributeList();
    }

    @Override
    public Object invoke(String actionName, Object[] params, String[] signature) {
        throw new UnsupportedOperationException("no operations: " + actionName);
    }

    @Override
    public MBeanInfo getMBeanInfo() {
        return info;
    }

    private Attr<S> attr(String name) throws AttributeNotFoundException {
        Attr<S> attr = attributes.get(name);
        if (attr == null) {
            throw new AttributeNotFoundException("no attribute " + name);
        }
        return attr;
    }

    /**
     * Collects the attributes. Not thread-safe.
     *
     * @param <S> the snapshot type
     */
    public static final class Builder<S> {
        private final String description;
        private final Supplier<S> snapshots;
        private final Map<String, Attr<S>> attributes = new LinkedHashMap<>();

        private Builder(String description, Supplier<S> snapshots) {
            this.description = description;
            this.snapshots = snapshots;
        }

        /**
         * Adds a {@code long} attribute.
         *
         * @param name the attribute's name
         * @param description what it counts
         * @param read reads it from a snapshot
         * @return this builder
         */
        public Builder<S> number(String name, String description, Function<S, Long> read) {
            attributes.put(name, new Attr<>(Long.class, description, s -> read.apply(s)));
            return this;
        }

        /**
         * Adds a {@code double} attribute.
         *
         * @param name the attribute's name
         * @param description what it measures
         * @param read reads it from a snapshot
         * @return this builder
         */
        public Builder<S> decimal(String name, String description, Function<S, Double> read) {
            attributes.put(name, new Attr<>(Double.class, description, s -> read.apply(s)));
            return this;
        }

        /**
         * Adds a text attribute.
         *
         * @param name the attribute's name
         * @param description what it says
         * @param read reads it from a snapshot (may be null)
         * @return this builder
         */
        public Builder<S> text(String name, String description, Function<S, String> read) {
            attributes.put(name, new Attr<>(String.class, description, s -> read.apply(s)));
            return this;
        }

        /**
         * Adds a list-of-text attribute.
         *
         * @param name the attribute's name
         * @param description what it lists
         * @param read reads it from a snapshot
         * @return this builder
         */
        public Builder<S> texts(String name, String description, Function<S, String[]> read) {
            attributes.put(name, new Attr<>(String[].class, description, s -> read.apply(s)));
            return this;
        }

        /**
         * Builds the MBean.
         *
         * @return the MBean
         */
        public SnapshotMBean<S> build() {
            return new SnapshotMBean<>(description, snapshots, attributes);
        }
    }
}
