package mtw

import (
	"context"
	"errors"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/porpoisedb/porpoise/server"
)

// TestNewContextCancelled: a cancelled context stops the setup at once.
func TestNewContextCancelled(t *testing.T) {
	ts := server.RunT(t)
	_, err := ts.Engine.NewSession().Run("share table(1:0, `id, [INT]) as tctx")
	require.NoError(t, err)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err = NewContext(ctx, Config{Host: ts.Host, Port: ts.Port, UserID: "admin", Password: "123456", TableName: "tctx"})
	var me *Error
	require.ErrorAs(t, err, &me)
	require.ErrorIs(t, err, context.Canceled)

	w, err := NewContext(context.Background(), Config{Host: ts.Host, Port: ts.Port, UserID: "admin", Password: "123456", TableName: "tctx"})
	require.NoError(t, err)
	defer w.WaitForThreadCompletion()
	require.NoError(t, w.Insert(int32(1)).Err())
	bad := w.Insert(int32(1), int32(2))
	err = bad.Err()
	require.Error(t, err)
	require.Equal(t, "errorCode: A2\n errorInfo: "+bad.Info+"\n", err.Error())
	var info ErrorCodeInfo
	require.True(t, errors.As(err, &info))
	require.Equal(t, "A2", info.Code)
}
