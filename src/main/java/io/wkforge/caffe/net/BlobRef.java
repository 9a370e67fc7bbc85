package io.wkforge.caffe.net;

import io.wkforge.lang.source.Span;

/** A blob name as a layer's bottom or top, with where it is written. */
public record BlobRef(String name, Span span) {}
