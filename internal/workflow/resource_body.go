package workflow

import "reflect"

// newLike returns a pointer to a new zero value of b's type.
func newLike(b Body) Body {
	t := reflect.TypeOf(b)
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return reflect.New(t).Interface().(Body)
}
