package cn.minzheng.marriage;

/**
 * A booking that conflicts with the places or with another booking (the date is full or closed, an ID number already
 * holds an active booking). Answered 409 with the message, as against a 422 for input that can never be valid.
 */
public class BookingRefused extends RuntimeException {

    BookingRefused(String message) {
        super(message);
    }
}
