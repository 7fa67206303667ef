package io.ownerscape.model.labour;

/**
 * During the monthly review a person's class byte ({@code World.classColumn()}) carries, besides
 * the class as things stand, what the review's later passes need to correct the counts when the
 * staffing decisions change someone's class: whether their history was precarious before this
 * month's shift and last month's class. The review clears these working bits as it ends.
 */
final class ReviewClassByte {
    /** During the review, a person's class byte: the class in bits 0-2, ... */
    static final int CLASS_BITS = 0x7;
    /** ... bit 3 set when their history was precarious before this month's shift, ... */
    static final int PRECARIOUS_BIT = 0x8;
    /** ... and last month's class plus one (0 for none) in bits 4-7. */
    static final int BEFORE_SHIFT = 4;

    private ReviewClassByte() {
    }
}
